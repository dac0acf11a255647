package io.manometer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.agent.sampling.LaunchSite.Kind;
import org.junit.jupiter.api.Test;

class CallSiteRewriterTest {

    @Test
    void launchesAreRecognisedByOwnerNameAndDescriptor() {
        assertThat(CallSiteRewriter.launchKind("java/util/concurrent/CompletableFuture", "supplyAsync",
                "(Ljava/util/function/Supplier;)Ljava/util/concurrent/CompletableFuture;")).isEqualTo(Kind.COMPLETABLE_FUTURE);
        assertThat(CallSiteRewriter.launchKind("java/net/http/HttpClient", "sendAsync",
                "(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;)Ljava/util/concurrent/CompletableFuture;"))
                .isEqualTo(Kind.HTTP_SEND_ASYNC);
        assertThat(CallSiteRewriter.launchKind("java/lang/Thread$Builder$OfVirtual", "start",
                "(Ljava/lang/Runnable;)Ljava/lang/Thread;")).isEqualTo(Kind.THREAD_START);
        assertThat(CallSiteRewriter.launchKind("java/lang/Thread", "startVirtualThread",
                "(Ljava/lang/Runnable;)Ljava/lang/Thread;")).isEqualTo(Kind.VIRTUAL_THREAD_START);
    }

    @Test
    void librariesOwnFuturesFromSubmitAreLaunchesToo() {
        assertThat(CallSiteRewriter.launchKind("com/google/common/util/concurrent/ListeningExecutorService", "submit",
                "(Ljava/util/concurrent/Callable;)Lcom/google/common/util/concurrent/ListenableFuture;"))
                .isEqualTo(Kind.EXECUTOR_SUBMIT);
        assertThat(CallSiteRewriter.launchKind("java/util/concurrent/ExecutorService", "submit",
                "(Ljava/lang/Runnable;)Ljava/util/concurrent/Future;")).isEqualTo(Kind.EXECUTOR_SUBMIT);
    }

    @Test
    void lookalikesAreNot() {
        assertThat(CallSiteRewriter.launchKind("com/example/Async", "supplyAsync",
                "(Ljava/util/function/Supplier;)Ljava/util/concurrent/CompletableFuture;")).isNull();
        assertThat(CallSiteRewriter.launchKind("com/example/Form", "submit", "()V")).isNull();
        assertThat(CallSiteRewriter.launchKind("com/example/Service", "start", "()V")).isNull();
    }
}
