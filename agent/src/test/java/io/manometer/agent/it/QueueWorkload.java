package io.manometer.agent.it;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs in a child JVM under the agent: a known number of operations on several kinds of queue and
 * one executor, then waits for JFR to sample the final state. Prints the lines it created them on.
 */
public final class QueueWorkload {
    public static void main(String[] args) throws Exception {
        LinkedBlockingQueue<Integer> unbounded = new LinkedBlockingQueue<>(); int unboundedLine = line();
        for (int i = 0; i < 500; i++) {
            unbounded.offer(i);
        }
        for (int i = 0; i < 200; i++) {
            unbounded.poll();
        }
        unbounded.add(-1); // AbstractQueue.add -> offer: must count once

        ArrayBlockingQueue<Integer> bounded = new ArrayBlockingQueue<>(1000); int boundedLine = line();
        for (int i = 0; i < 300; i++) {
            bounded.put(i);
        }
        bounded.drainTo(new ArrayDeque<>(), 100);

        ConcurrentLinkedQueue<Integer> concurrent = new ConcurrentLinkedQueue<>(); int concurrentLine = line();
        for (int i = 0; i < 400; i++) {
            concurrent.add(i);
        }
        for (int i = 0; i < 150; i++) {
            concurrent.poll();
        }

        LibraryQueue library = new LibraryQueue(); int libraryLine = line();
        for (int i = 0; i < 250; i++) {
            library.put("x"); // forwards to offer(): must count once
        }
        library.poll();

        ExecutorService pool = Executors.newFixedThreadPool(2); int poolLine = line();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(120);
        for (int i = 0; i < 120; i++) {
            pool.execute(done::countDown);
        }
        done.await(10, TimeUnit.SECONDS);

        java.util.concurrent.ForkJoinPool forkJoin = new java.util.concurrent.ForkJoinPool(2); int forkJoinLine = line();
        java.util.concurrent.CountDownLatch forked = new java.util.concurrent.CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            forkJoin.execute(forked::countDown);
        }
        forked.await(10, TimeUnit.SECONDS);

        // Fed directly: CompletableFuture.*Async skips the common pool on machines with two cores or fewer.
        java.util.concurrent.CountDownLatch common = new java.util.concurrent.CountDownLatch(80);
        int asyncLine = line() + 2;
        for (int i = 0; i < 80; i++) {
            java.util.concurrent.ForkJoinPool.commonPool().execute(common::countDown);
        }
        common.await(10, TimeUnit.SECONDS);

        // Plain queues: reported only when used from two threads.
        java.util.PriorityQueue<Integer> handedOver = new java.util.PriorityQueue<>(); int handedOverLine = line();
        java.util.PriorityQueue<Integer> local = new java.util.PriorityQueue<>(); int localLine = line();
        PlainLibraryQueue plain = new PlainLibraryQueue(); int plainLine = line();
        for (int i = 0; i < 500; i++) {
            local.add(i);
            synchronized (handedOver) {
                handedOver.add(i);
            }
            plain.offer("x");
        }
        for (int i = 0; i < 300; i++) {
            local.poll();
        }
        Thread consumer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                synchronized (handedOver) {
                    handedOver.poll();
                }
                plain.poll();
            }
        }, "workload-consumer");
        consumer.start();
        consumer.join();

        // ArrayDeque is loaded before any agent: watched only once large, and reported if shared.
        java.util.ArrayDeque<Integer> sharedDeque = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> localDeque = new java.util.ArrayDeque<>();
        int dequeLine = line() + 3;
        for (int i = 0; i < 3000; i++) {
            synchronized (sharedDeque) {
                sharedDeque.addLast(i);
            }
            localDeque.addLast(i);
        }
        Thread dequeConsumer = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (sharedDeque) {
                    sharedDeque.pollFirst();
                }
            }
        }, "deque-consumer");
        dequeConsumer.start();
        dequeConsumer.join();

        // Backpressure at work: a full bounded queue refuses, a saturated executor rejects.
        ArrayBlockingQueue<Integer> full = new ArrayBlockingQueue<>(100); int fullLine = line();
        for (int i = 0; i < 105; i++) {
            full.offer(i);
        }
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ArrayBlockingQueue<Runnable> oneSlot = new ArrayBlockingQueue<>(1);
        java.util.concurrent.RejectedExecutionHandler discard = new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy();
        var saturated = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, oneSlot, discard); int saturatedLine = line();
        for (int i = 0; i < 5; i++) {
            saturated.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        // A large ArrayDeque drained only through its iterator (OkHttp's dispatcher promotes ready calls so).
        java.util.ArrayDeque<Integer> iterated = new java.util.ArrayDeque<>();
        int iteratedLine = line() + 3;
        for (int i = 0; i < 3000; i++) {
            synchronized (iterated) {
                iterated.add(i);
            }
        }
        Thread iteratingConsumer = new Thread(() -> {
            synchronized (iterated) {
                java.util.Iterator<Integer> it = iterated.iterator();
                for (int i = 0; i < 1000 && it.hasNext(); i++) {
                    it.next();
                    it.remove();
                }
            }
        }, "iterating-consumer");
        iteratingConsumer.start();
        iteratingConsumer.join();

        // A cached pool hands each task to a thread, adding one when none is idle: its
        // SynchronousQueue (capacity 0) is never full while the pool can grow.
        java.util.concurrent.ExecutorService cached = java.util.concurrent.Executors.newCachedThreadPool(); int cachedLine = line();
        for (int i = 0; i < 3; i++) {
            cached.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        // JDK 21+: a virtual thread per task; its backlog is what is in flight.
        int perTaskLine = 0;
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        ExecutorService perTask = null;
        if (Runtime.version().feature() >= 21) {
            java.lang.reflect.Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            perTask = (ExecutorService) factory.invoke(null); perTaskLine = line();
            for (int i = 0; i < 100; i++) {
                perTask.execute(() -> {
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            Thread.sleep(1500); // a sample sees all 100 in flight
            finish.countDown();
        }

        // A library queue emptied by a bulk drain the agent does not count: once found empty it must
        // not look like a backlog.
        DrainingLibraryQueue draining = new DrainingLibraryQueue(); int drainingLine = line();
        for (int i = 0; i < 300; i++) {
            draining.offer("x");
        }
        Thread drainer = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                draining.relaxedPoll();
            }
            draining.drain(e -> { });
        }, "workload-drainer");
        drainer.start();
        drainer.join();

        // A library's own queue abstraction that is not a java.util.Queue (RxJava's SimpleQueue shape).
        LinkedSimpleQueue<Integer> simple = new LinkedSimpleQueue<>(); int simpleLine = line();
        for (int i = 0; i < 500; i++) {
            simple.offer(i);
        }
        Thread simpleConsumer = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                simple.poll();
            }
        }, "simple-consumer");
        simpleConsumer.start();
        simpleConsumer.join();

        // Scheduled executors: 200 timeouts a minute ahead are not late; behind a stuck worker, due tasks are.
        java.util.concurrent.ScheduledThreadPoolExecutor timeouts = new java.util.concurrent.ScheduledThreadPoolExecutor(1); int timeoutsLine = line();
        for (int i = 0; i < 200; i++) {
            timeouts.schedule(() -> { }, 60, TimeUnit.SECONDS);
        }
        java.util.concurrent.ScheduledThreadPoolExecutor stuck = new java.util.concurrent.ScheduledThreadPoolExecutor(1); int stuckLine = line();
        stuck.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 100; i++) {
            stuck.schedule(() -> { }, 0, TimeUnit.SECONDS);
        }

        // DelayQueues: elements a minute ahead are not late; elements due now that nobody takes are.
        java.util.concurrent.DelayQueue<Due> ahead = new java.util.concurrent.DelayQueue<>(); int aheadLine = line();
        java.util.concurrent.DelayQueue<Due> due = new java.util.concurrent.DelayQueue<>(); int dueLine = line();
        for (int i = 0; i < 150; i++) {
            ahead.offer(new Due(60_000));
            due.offer(new Due(0));
        }

        // An operator of a reactive library: it implements the library's queue interface for fusion
        // (offer unsupported) and feeds a real queue of its own from onNext (RxJava's observeOn).
        FusingOperator<Integer> operator = new FusingOperator<>(); int operatorLine = line();
        Thread upstream = new Thread(() -> {
            for (int i = 0; i < 400; i++) {
                operator.onNext(i);
            }
        }, "operator-upstream");
        upstream.start();
        upstream.join();
        Thread downstream = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                operator.poll();
            }
        }, "operator-downstream");
        downstream.start();
        downstream.join();

        // LinkedList, loaded before any agent and mostly a List: watched only once large, reported if
        // shared (Vert.x keeps ordered blocking tasks in one); a large list one thread builds stays out.
        java.util.LinkedList<Integer> sharedList = new java.util.LinkedList<>();
        java.util.LinkedList<Integer> builtList = new java.util.LinkedList<>();
        int listLine = line() + 3;
        for (int i = 0; i < 3000; i++) {
            synchronized (sharedList) {
                sharedList.add(i);
            }
            builtList.add(i);
        }
        Thread listConsumer = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (sharedList) {
                    sharedList.poll();
                }
            }
        }, "list-consumer");
        listConsumer.start();
        listConsumer.join();

        // A library's queue class that is neither a Queue nor has a queue interface, named as a queue
        // (Akka's and Pekko's AbstractNodeQueue, every actor's mailbox); a look-alike not so named stays out.
        MailboxNodeQueue<Integer> mailbox = new MailboxNodeQueue<>(); NodeInbox<Integer> inbox = new NodeInbox<>(); int mailboxLine = line();
        for (int i = 0; i < 500; i++) {
            mailbox.add(i);
            inbox.add(i);
        }
        Thread actor = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                mailbox.poll();
                inbox.poll();
            }
        }, "actor");
        actor.start();
        actor.join();

        System.out.println("lines " + unboundedLine + " " + boundedLine + " " + concurrentLine + " " + libraryLine
                + " " + poolLine + " " + forkJoinLine + " " + asyncLine + " " + handedOverLine + " " + localLine
                + " " + plainLine + " " + dequeLine + " " + fullLine + " " + saturatedLine + " " + perTaskLine + " " + drainingLine + " " + simpleLine + " " + timeoutsLine + " " + stuckLine + " " + aheadLine + " " + dueLine + " " + operatorLine + " " + cachedLine + " " + iteratedLine + " " + listLine + " " + mailboxLine);
        Thread.sleep(2500); // two sampling periods after the last operation
        pool.shutdown();
        release.countDown();
        saturated.shutdown();
        cached.shutdown();
        timeouts.shutdownNow();
        stuck.shutdownNow();
    }

    static int line() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    /** An element due {@code delayMillis} after it was made. */
    static final class Due implements java.util.concurrent.Delayed {
        private final long dueNanos;

        Due(long delayMillis) {
            this.dueNanos = System.nanoTime() + delayMillis * 1_000_000L;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed other) {
            return Long.compare(dueNanos, ((Due) other).dueNanos);
        }
    }

    /** An intrusive node queue as actor libraries write them: add and poll, no queue interface. */
    public static class MailboxNodeQueue<T> extends java.util.concurrent.atomic.AtomicReference<Object> {
        private final java.util.concurrent.ConcurrentLinkedQueue<T> nodes = new java.util.concurrent.ConcurrentLinkedQueue<>();

        public final void add(T value) {
            nodes.add(value);
        }

        public final T poll() {
            return nodes.poll();
        }
    }

    /** The same shape under a name that does not say queue: not watched. */
    public static class NodeInbox<T> extends java.util.concurrent.atomic.AtomicReference<Object> {
        private final java.util.ArrayDeque<T> items = new java.util.ArrayDeque<>();

        public final synchronized void add(T value) {
            items.add(value);
        }

        public final synchronized T poll() {
            return items.poll();
        }
    }

    /** A library's queue interface: offer and poll, but not a java.util.Queue. */
    public interface SimpleQueue<T> {
        boolean offer(T value);

        T poll();

        boolean isEmpty();
    }

    /** A reactive operator: fusable through the queue interface, buffering in a queue it creates. */
    public static final class FusingOperator<T> implements SimpleQueue<T> {
        private final SimpleQueue<T> queue = new LinkedSimpleQueue<>();

        public void onNext(T value) {
            queue.offer(value);
        }

        @Override
        public boolean offer(T value) {
            throw new UnsupportedOperationException("Should not be called");
        }

        @Override
        public T poll() {
            return queue.poll();
        }

        @Override
        public boolean isEmpty() {
            return queue.isEmpty();
        }
    }

    /** Its implementation, with storage of its own (no JDK collection inside). */
    public static final class LinkedSimpleQueue<T> implements SimpleQueue<T> {
        private static final class Node<T> {
            final T value;
            Node<T> next;

            Node(T value) {
                this.value = value;
            }
        }

        private Node<T> head;
        private Node<T> tail;

        @Override
        public synchronized boolean offer(T value) {
            Node<T> node = new Node<>(value);
            if (tail == null) {
                head = node;
            } else {
                tail.next = node;
            }
            tail = node;
            return true;
        }

        @Override
        public synchronized T poll() {
            if (head == null) {
                return null;
            }
            T value = head.value;
            head = head.next;
            if (head == null) {
                tail = null;
            }
            return value;
        }

        @Override
        public synchronized boolean isEmpty() {
            return head == null;
        }
    }

    /** A queue with JCTools' extra operations: relaxedPoll is counted, the bulk drain is not. */
    public static final class DrainingLibraryQueue extends PlainLibraryQueue {
        public String relaxedPoll() {
            return items.poll();
        }

        public int drain(java.util.function.Consumer<String> consumer) {
            int n = 0;
            for (java.util.Iterator<String> it = items.iterator(); it.hasNext(); n++) {
                consumer.accept(it.next());
                it.remove();
            }
            return n;
        }

        @Override
        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    /** A third-party lock-free-style queue that is not a BlockingQueue (the shape of JCTools' queues). */
    public static class PlainLibraryQueue extends AbstractQueue<String> {
        protected final java.util.concurrent.ConcurrentLinkedQueue<String> items =
                new java.util.concurrent.ConcurrentLinkedQueue<>();

        @Override
        public boolean offer(String e) {
            return items.offer(e);
        }

        @Override
        public String poll() {
            return items.poll();
        }

        @Override
        public String peek() {
            return items.peek();
        }

        @Override
        public Iterator<String> iterator() {
            return items.iterator();
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /** A third-party blocking queue with its own storage, the shape of many libraries' queues. */
    public static final class LibraryQueue extends AbstractQueue<String> implements BlockingQueue<String> {
        private final ArrayDeque<String> items = new ArrayDeque<>();

        @Override
        public synchronized boolean offer(String e) {
            return items.add(e);
        }

        @Override
        public synchronized String poll() {
            return items.poll();
        }

        @Override
        public void put(String e) {
            offer(e);
        }

        @Override
        public boolean offer(String e, long timeout, TimeUnit unit) {
            return offer(e);
        }

        @Override
        public String take() {
            return poll();
        }

        @Override
        public String poll(long timeout, TimeUnit unit) {
            return poll();
        }

        @Override
        public int remainingCapacity() {
            return Integer.MAX_VALUE;
        }

        @Override
        public int drainTo(java.util.Collection<? super String> c) {
            return drainTo(c, Integer.MAX_VALUE);
        }

        @Override
        public synchronized int drainTo(java.util.Collection<? super String> c, int max) {
            int n = 0;
            while (n < max && !items.isEmpty()) {
                c.add(items.poll());
                n++;
            }
            return n;
        }

        @Override
        public synchronized String peek() {
            return items.peek();
        }

        @Override
        public Iterator<String> iterator() {
            return items.iterator();
        }

        @Override
        public synchronized int size() {
            return items.size();
        }
    }
}
