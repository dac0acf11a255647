import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Run as a single source file ({@code java OrderBacklog.java broken|fixed SECONDS}): the JDK's
 * compiler runs first, in the same JVM, and makes many queues of its own before this does.
 * Broken: orders are put into an unbounded queue about 15,000 a second and shipped about 2,500 a
 * second. Fixed: the queue holds 2,000 and {@code put} waits when it is full.
 */
public class OrderBacklog {
    public static void main(String[] args) throws InterruptedException {
        boolean fixed = args[0].equals("fixed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        BlockingQueue<byte[]> pending = fixed ? new ArrayBlockingQueue<>(2_000) : new LinkedBlockingQueue<>();
        Thread warehouse = new Thread(() -> {
            try {
                while (true) {
                    pending.take();
                    LockSupport.parkNanos(400_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "warehouse");
        warehouse.setDaemon(true);
        warehouse.start();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 15; i++) {
                pending.put(new byte[200]);
            }
            LockSupport.parkNanos(1_000_000);
        }
        System.out.println("left waiting: " + pending.size());
    }
}
