package io.manometer.junit5;

import com.sun.tools.attach.VirtualMachine;

/**
 * The helper process that attaches the agent to a test JVM, which may not attach to itself:
 * {@code java -cp <extension> io.manometer.junit5.AgentAttacher <pid> <agent.jar>}. Exits 0 when
 * the agent was loaded; otherwise prints one line and exits 1.
 */
public final class AgentAttacher {
    private AgentAttacher() {}

    public static void main(String[] args) {
        try {
            VirtualMachine vm = VirtualMachine.attach(args[0]);
            try {
                vm.loadAgent(args[1]);
            } finally {
                vm.detach();
            }
        } catch (Exception | LinkageError e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
