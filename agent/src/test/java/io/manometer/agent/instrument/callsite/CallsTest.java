package io.manometer.agent.instrument.callsite;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.agent.model.LaunchKind;
import org.junit.jupiter.api.Test;

class CallsTest {

    @Test
    void launchesAreRecognisedByOwnerNameAndDescriptor() {
        assertThat(Calls.launchKind("java/util/concurrent/CompletableFuture", "supplyAsync",
                "(Ljava/util/function/Supplier;)Ljava/util/concurrent/CompletableFuture;")).isEqualTo(LaunchKind.COMPLETABLE_FUTURE);
        assertThat(Calls.launchKind("java/net/http/HttpClient", "sendAsync",
                "(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;)Ljava/util/concurrent/CompletableFuture;"))
                .isEqualTo(LaunchKind.HTTP_SEND_ASYNC);
        assertThat(Calls.launchKind("java/lang/Thread$Builder$OfVirtual", "start",
                "(Ljava/lang/Runnable;)Ljava/lang/Thread;")).isEqualTo(LaunchKind.THREAD_START);
        assertThat(Calls.launchKind("java/lang/Thread", "startVirtualThread",
                "(Ljava/lang/Runnable;)Ljava/lang/Thread;")).isEqualTo(LaunchKind.VIRTUAL_THREAD_START);
    }

    @Test
    void librariesOwnFuturesFromSubmitAreLaunchesToo() {
        assertThat(Calls.launchKind("com/google/common/util/concurrent/ListeningExecutorService", "submit",
                "(Ljava/util/concurrent/Callable;)Lcom/google/common/util/concurrent/ListenableFuture;"))
                .isEqualTo(LaunchKind.EXECUTOR_SUBMIT);
        assertThat(Calls.launchKind("java/util/concurrent/ExecutorService", "submit",
                "(Ljava/lang/Runnable;)Ljava/util/concurrent/Future;")).isEqualTo(LaunchKind.EXECUTOR_SUBMIT);
    }

    @Test
    void lookalikesAreNot() {
        assertThat(Calls.launchKind("com/example/Async", "supplyAsync",
                "(Ljava/util/function/Supplier;)Ljava/util/concurrent/CompletableFuture;")).isNull();
        assertThat(Calls.launchKind("com/example/Form", "submit", "()V")).isNull();
        assertThat(Calls.launchKind("com/example/Service", "start", "()V")).isNull();
    }
}
