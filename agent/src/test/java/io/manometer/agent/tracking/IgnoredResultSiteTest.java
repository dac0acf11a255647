package io.manometer.agent.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IgnoredResultSiteTest {
    @Test
    void theSameTaskRejectedAgainIsARetryAndNewTasksAreNot() {
        IgnoredResultSite site = new IgnoredResultSite(0, "java.util.concurrent.RejectedExecutionException (caught)",
                "com.example.Jobs.submit(Jobs.java:12)");
        site.rejected("Task com.example.Job@1b6d3586 rejected from java.util.concurrent.ThreadPoolExecutor@4554617c"
                + "[Running, pool size = 1]");
        site.rejected("Task com.example.Job@74a14482 rejected from java.util.concurrent.ThreadPoolExecutor@4554617c");
        assertThat(site.retried()).isZero();
        site.rejected("Task com.example.Job@1b6d3586 rejected from java.util.concurrent.ThreadPoolExecutor@4554617c");
        assertThat(site.retried()).isEqualTo(1);
        site.rejected("queue full"); // another handler's words: nothing to tell
        site.rejected(null);
        assertThat(site.retried()).isEqualTo(1);
    }

    /** Jetty's pool names the task alone; Tomcat's says only that the queue is full. */
    @Test
    void aTaskNamedInAnyExecutorsWordsIsRecognisedWhenOfferedAgain() {
        IgnoredResultSite site = new IgnoredResultSite(0, "java.util.concurrent.RejectedExecutionException (caught)",
                "com.example.Jobs.submit(Jobs.java:12)");
        site.rejected("com.example.Jobs$$Lambda/0x00007f3c8c00a000@5e9f23b4");
        site.rejected("com.example.Jobs$$Lambda/0x00007f3c8c00a000@6d311334");
        assertThat(site.retried()).isZero();
        site.rejected("com.example.Jobs$$Lambda/0x00007f3c8c00a000@5e9f23b4");
        assertThat(site.retried()).isEqualTo(1);
        assertThat(IgnoredResultSite.firstIdentity("The executor's queue is full")).isNull();
        assertThat(IgnoredResultSite.firstIdentity("Task [com.example.Job@1b6d3586] rejected from [x@ff]"))
                .isEqualTo("com.example.Job@1b6d3586");
    }
}
