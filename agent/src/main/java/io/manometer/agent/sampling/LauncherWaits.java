package io.manometer.agent.sampling;

import java.util.Set;

/**
 * Whether a launching thread, caught between launches, is waiting on a limit: a permit, room in a
 * bounded queue, the work it launched, or running a rejected task itself. Such a wait is what
 * holds work in flight to a bound. A thread that sleeps, computes or reads its next input is not
 * limited by its launches: in flight then levels off only because each task takes about the same
 * time (rate times time per task), and grows with the first slowdown of what the tasks call.
 */
final class LauncherWaits {
    /** Frames deeper than this are the thread's own loop, not what it waits on now. */
    private static final int LOOK_DEPTH = 16;
    private static final String CONCURRENT = "java.util.concurrent.";
    /** {@code Class.method} (the class's simple name inside java.util.concurrent) that waits on a limit. */
    private static final Set<String> LIMIT_WAITS = Set.of(
            "Semaphore.acquire", "Semaphore.acquireUninterruptibly", "Semaphore.tryAcquire",
            "CompletableFuture.get", "CompletableFuture.join", "FutureTask.get", "ForkJoinTask.get",
            "ForkJoinTask.join", "CountDownLatch.await", "CyclicBarrier.await", "Phaser.awaitAdvance",
            "Phaser.awaitAdvanceInterruptibly", "Phaser.arriveAndAwaitAdvance", "ExecutorCompletionService.take",
            "ExecutorCompletionService.poll", "AbstractExecutorService.invokeAll", "AbstractExecutorService.invokeAny",
            "ThreadPoolExecutor$CallerRunsPolicy.rejectedExecution");
    /** Blocking inserts of any bounded queue in java.util.concurrent: the launcher waits for room. */
    private static final Set<String> BLOCKING_INSERTS = Set.of("put", "putFirst", "putLast", "transfer", "offer",
            "offerFirst", "offerLast");

    private LauncherWaits() {}

    static boolean waitsOnLimit(StackTraceElement[] stack) {
        for (int i = 0; i < Math.min(LOOK_DEPTH, stack.length); i++) {
            String type = stack[i].getClassName();
            if (!type.startsWith(CONCURRENT)) {
                continue;
            }
            String simple = type.substring(CONCURRENT.length());
            String method = stack[i].getMethodName();
            if (LIMIT_WAITS.contains(simple + "." + method)) {
                return true;
            }
            // offer without a timeout never waits, so an offer seen while the thread waits is a timed one.
            if ((simple.endsWith("BlockingQueue") || simple.endsWith("BlockingDeque")
                    || simple.equals("LinkedTransferQueue") || simple.equals("SynchronousQueue"))
                    && BLOCKING_INSERTS.contains(method) && i > 0) {
                return true;
            }
        }
        return false;
    }
}
