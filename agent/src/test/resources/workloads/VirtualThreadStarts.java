import java.util.concurrent.CountDownLatch;

/**
 * JDK 21+ only, run from source by the launcher (so this file is compiled for the JDK that runs
 * it, and its class is loaded by the launcher's loader, which the agent rewrites like any
 * application class). Holds 60 virtual threads and 25 platform threads, started three ways.
 */
public class VirtualThreadStarts {
    public static void main(String[] args) throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        Runnable wait = () -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        for (int i = 0; i < 40; i++) {
            Thread.startVirtualThread(wait);
        }
        for (int i = 0; i < 20; i++) {
            Thread.ofVirtual().start(wait);
        }
        for (int i = 0; i < 25; i++) {
            Thread.ofPlatform().daemon().start(wait);
        }
        Thread.sleep(2500); // two sampling periods
        System.exit(0);
    }
}
