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
}
