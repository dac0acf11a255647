package io.manometer.agent.model;

/** What a call site that launches asynchronous work launches; the label is what events record. */
public enum LaunchKind {
    COMPLETABLE_FUTURE("completable-future"),
    HTTP_SEND_ASYNC("http-send-async"),
    EXECUTOR_SUBMIT("executor-submit"),
    THREAD_START("thread-start"),
    VIRTUAL_THREAD_START("virtual-thread-start");

    public final String label;

    LaunchKind(String label) {
        this.label = label;
    }
}
