package io.manometer.agent.instrument.callsite;

import io.manometer.agent.model.LaunchKind;
import net.bytebuddy.jar.asm.MethodVisitor;

/**
 * After {@code CompletableFuture.supplyAsync/runAsync}, {@code HttpClient.sendAsync}, {@code submit}
 * (any executor) and the virtual-thread starts, hands the returned future or thread to the agent as
 * a launch at this line; before {@code start()}, the thread. One {@code DUP}, one push, one call.
 */
final class LaunchHandOff extends SiteRewrite {
    LaunchHandOff(MethodVisitor next, ClassContext context, String method) {
        super(next, context, method);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        switch (Calls.classify(opcode, owner, name, descriptor)) {
            case RETURNS_LAUNCH_HANDLE:
                super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                handOver(Calls.launchKind(owner, name, descriptor)); // the returned future or thread
                return;
            case STARTS_THREAD:
                handOver(LaunchKind.THREAD_START); // the thread, before it starts
                super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                return;
            default:
                super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }
    }

    private void handOver(LaunchKind kind) {
        int site = context.sites.registerLaunch(kind, frame());
        if (site >= 0) {
            handCopyToBridge(site, "asyncLaunched");
        }
    }
}
