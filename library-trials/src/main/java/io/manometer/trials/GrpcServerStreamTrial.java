package io.manometer.trials;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * gRPC-Java on its default transport (grpc-netty-shaded): a server-streaming export to a client
 * that takes one message every 2 ms. Broken: the service calls {@code onNext} in a loop, about
 * 20,000 rows of 512 bytes a second, never asking {@code isReady()}. Fixed: it sends from
 * {@code setOnReadyHandler} while {@code isReady()} holds.
 */
final class GrpcServerStreamTrial {
    private GrpcServerStreamTrial() {}

    /** Held, or the setting goes with the logger: the client's cancel at the end is not news. */
    private static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger.getLogger("io.grpc");

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static final MethodDescriptor<byte[], byte[]> EXPORT = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName("trial.Export/Rows")
            .setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES)
            .build();

    static void run(boolean fixed, long seconds) throws Exception {
        GRPC_LOG.setLevel(java.util.logging.Level.OFF);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ServerServiceDefinition service = ServerServiceDefinition.builder("trial.Export")
                .addMethod(EXPORT, ServerCalls.asyncServerStreamingCall(
                        (request, observer) -> export(fixed, deadline, (ServerCallStreamObserver<byte[]>) observer)))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service)
                .build().start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        try {
            slowClient(channel, deadline);
        } finally {
            channel.shutdownNow();
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static void export(boolean fixed, long deadline, ServerCallStreamObserver<byte[]> observer) {
        byte[] row = new byte[512];
        if (fixed) {
            observer.setOnReadyHandler(new Runnable() {
                private long n;

                @Override
                public void run() {
                    while (observer.isReady() && Pace.before(deadline)) {
                        observer.onNext(row);
                        Pace.produced(++n);
                    }
                    if (!Pace.before(deadline)) {
                        observer.onCompleted();
                    }
                }
            });
            return;
        }
        for (long n = 1; Pace.before(deadline) && !observer.isCancelled(); n++) {
            observer.onNext(row);
            Pace.produced(n);
        }
        observer.onCompleted();
    }

    /** Asks for one message at a time, every 2 ms, until the export ends or time is up. */
    private static void slowClient(ManagedChannel channel, long deadline) throws InterruptedException {
        ClientCall<byte[], byte[]> call = channel.newCall(EXPORT, CallOptions.DEFAULT);
        CountDownLatch done = new CountDownLatch(1);
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(byte[] message) {
                Pace.sleepMillis(2);
                call.request(1);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                done.countDown();
            }
        }, new Metadata());
        call.sendMessage(new byte[0]);
        call.halfClose();
        call.request(1);
        done.await(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 2000), TimeUnit.MILLISECONDS);
        call.cancel("trial over", null);
    }
}
