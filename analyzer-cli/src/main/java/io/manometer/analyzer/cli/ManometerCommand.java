package io.manometer.analyzer.cli;

import picocli.CommandLine;

import picocli.CommandLine.Command;

@Command(name = "manometer",
        mixinStandardHelpOptions = true,
        versionProvider = ManometerCommand.Version.class,
        description = "Finds missing backpressure in JFR recordings made with the Manometer agent.",
        subcommands = {AnalyzeCommand.class, DiffCommand.class, AttachCommand.class, JvmsCommand.class,
            DetectorsCommand.class, CommandLine.HelpCommand.class,
            picocli.AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing at or above the --fail-on severity",
            "1:a finding at or above the --fail-on severity",
            "2:usage error",
            "3:a recording could not be read (a failed gate, 1, wins: see docs/cli.md)",
            "4:internal error",
            "5:attach: the JVM could not be attached to"})
public final class ManometerCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed, e.g. 'analyze'");
    }

    /** The version the jar was built as. */
    public static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"manometer " + io.manometer.analyzer.Analyzer.version()};
        }
    }
}
