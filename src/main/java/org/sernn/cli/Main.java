package org.sernn.cli;

import org.sernn.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sernn} command line: one subcommand per verb (docs/architecture.md, "Command line"). */
@Command(name = "sernn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Spatially embedded spiking recurrent networks and the neuromorphic hardware they run on.",
        subcommands = {DemoCommand.class, SimulateCommand.class, TrainCommand.class, GradCommand.class,
                DeployCommand.class, EnergyCompareCommand.class, OnChipTrainCommand.class,
                ExportCommand.class, SweepCommand.class, AnalyzeCommand.class, CompareCommand.class})
public final class Main implements Runnable {
    /** Exit status for a mistake in the user's input (config, file, option). */
    public static final int USER_ERROR = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; user errors print their message alone and exit with status 2. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof UserError) {
                cmd.getErr().println("sernn: " + exception.getMessage());
                return USER_ERROR;
            }
            throw exception;
        });
        return commandLine;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
