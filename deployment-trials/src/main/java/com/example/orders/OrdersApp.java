package com.example.orders;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/**
 * An order feed shipped to a slow warehouse. Reactor makes and feeds the buffer between them; the
 * application only calls {@code Flux.create} and {@code subscribe}.
 *
 * <p>Broken: the feed thread pushes every order into the sink as it comes (about 15,000 a second),
 * whatever the subscriber asked for; the default BUFFER strategy keeps what the warehouse (about
 * 2,500 a second) has not taken. Fixed: the sink emits only what was requested
 * ({@code sink.onRequest}), so the feed waits for the warehouse.
 *
 * <p>{@code OrdersApp broken|fixed SECONDS}
 */
public final class OrdersApp {
    private static final long WAREHOUSE_NANOS_PER_ORDER = 400_000;

    record Order(long number, byte[] payload) {}

    public static void main(String[] args) throws InterruptedException {
        boolean fixed = args[0].equals("fixed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        Flux<Order> orders = fixed ? onDemand(deadline) : pushed(deadline);
        AtomicLong shipped = new AtomicLong();
        orders.publishOn(Schedulers.single()).subscribe(order -> {
            LockSupport.parkNanos(WAREHOUSE_NANOS_PER_ORDER);
            shipped.incrementAndGet();
        });
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.println("shipped " + shipped.get() + " orders");
    }

    private static Flux<Order> pushed(long deadline) {
        return Flux.create(sink -> {
            Thread feed = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < 15; i++) {
                        sink.next(new Order(++n, new byte[200]));
                    }
                    LockSupport.parkNanos(1_000_000);
                }
                sink.complete();
            }, "order-feed");
            feed.setDaemon(true);
            feed.start();
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private static Flux<Order> onDemand(long deadline) {
        AtomicLong next = new AtomicLong();
        return Flux.create(sink -> sink.onRequest(requested -> {
            for (long i = 0; i < requested && System.nanoTime() < deadline; i++) {
                sink.next(new Order(next.incrementAndGet(), new byte[200]));
            }
        }), FluxSink.OverflowStrategy.BUFFER);
    }
}
