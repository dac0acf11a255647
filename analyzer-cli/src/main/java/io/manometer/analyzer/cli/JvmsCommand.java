package io.manometer.analyzer.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "jvms", mixinStandardHelpOptions = true,
        description = "Lists the local JVMs 'attach' can reach, like jps: process id and main class or jar.")
final class JvmsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long self = ProcessHandle.current().pid();
        for (VirtualMachineDescriptor jvm : VirtualMachine.list()) {
            if (!jvm.id().equals(Long.toString(self))) {
                String name = jvm.displayName().isBlank() ? "(no main class given)" : jvm.displayName();
                spec.commandLine().getOut().println(jvm.id() + " " + name);
            }
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
