package org.sernn.cli;

import java.nio.file.FileSystemException;
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
                cmd.getErr().println("sernn: " + oneLine(exception.getMessage()));
                return USER_ERROR;
            }
            FileSystemException fileProblem = fileSystemCause(exception);
            if (fileProblem != null) {
                cmd.getErr().println("sernn: " + oneLine(describe(fileProblem)));
                return USER_ERROR;
            }
            throw exception;
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("sernn: " + oneLine(exception.getMessage()) + " (see: "
                    + cmd.getCommandSpec().qualifiedName(" ") + " --help)");
            return USER_ERROR;
        });
        return commandLine;
    }

    /** Messages are one line, whatever a parser or the file system put into them. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * A refusal by the file system (no permission, read-only, no space, not a folder) anywhere in the
     * cause chain: the user's environment, not a bug, so it gets the one-line treatment too.
     */
    private static FileSystemException fileSystemCause(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fileSystem) {
                return fileSystem;
            }
        }
        return null;
    }

    private static String describe(FileSystemException e) {
        String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()
                .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return e.getFile() + (e.getOtherFile() != null ? " -> " + e.getOtherFile() : "")
                + ": the file system refused: " + reason;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
