package io.manometer.analyzer.cli;

import picocli.CommandLine;

/** {@code java -jar manometer.jar ...} */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(args);
        } catch (OutOfMemoryError e) {
            // Not the recording's fault: say what to do, in one line.
            System.err.println("manometer: out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB heap); run it with more, e.g. java -Xmx1g -jar manometer.jar ...");
            exit = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(exit);
    }

    /** Runs a command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** As {@link #run(String...)}, writing to {@code out} and {@code err} rather than the process's own. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ManometerCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("manometer: " + ex.getMessage().replace('\n', ' '));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("manometer: internal error: " + ex + " (please report it)");
            return ExitCodes.INTERNAL_ERROR;
        });
        return cli;
    }
}
