package io.manometer.distribution;

/** A JVM for the documented commands that need one to attach to: it waits until it is told to stop. */
public final class IdleJvm {
    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "120") * 1000);
    }
}
