package org.sernn.analysis.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.sernn.io.AtomicFiles;

/**
 * The Slurm scripts of a sweep folder: {@value #ARRAY_SCRIPT}, a job array with one task per plan line
 * ({@code sernn sweep run DIR --index $SLURM_ARRAY_TASK_ID}), and {@value #COLLECT_SCRIPT}, the job that
 * collects the results once every task succeeded (submitted with {@code --dependency=afterok:ARRAY_JOB},
 * which for an array job waits for all its tasks, and {@code --kill-on-invalid-dep=yes}, so that a
 * failed task cancels it instead of leaving it pending forever).
 */
public record SlurmScripts(int throttle, int cpusPerTask, String memory, String timeLimit, String collectTimeLimit,
        String sernnCommand) {
    public static final String ARRAY_SCRIPT = "sweep.sbatch";
    public static final String COLLECT_SCRIPT = "collect.sbatch";
    public static final String LOGS = "logs";

    /** The command that runs this very sernn: its java with its class path (edit SERNN= to change it). */
    public static String currentSernn(String javaOptions) {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = String.join(java.io.File.pathSeparator, java.util.Arrays.stream(System.getProperty(
                "java.class.path").split(java.io.File.pathSeparator)).map(p -> Path.of(p).toAbsolutePath().toString())
                .toList());
        return javaBinary + " " + javaOptions + " -Djava.awt.headless=true -cp " + classPath + " org.sernn.cli.Main";
    }

    public void writeTo(Path sweepDir, int runs, List<String> collectOptions) throws IOException {
        Path dir = sweepDir.toAbsolutePath().normalize();
        Files.createDirectories(dir.resolve(LOGS));
        write(dir.resolve(ARRAY_SCRIPT), header("sernn-sweep", timeLimit, dir.resolve(LOGS).resolve("run-%a.log"),
                String.format(Locale.ROOT, """
                        # One task per line of plan.csv (%d runs), at most %d at a time (the %%%d). A task that is
                        # preempted, cancelled or killed resumes from its last epoch when run again; a finished
                        # run is skipped, so resubmitting the whole array is safe.
                        #SBATCH --array=0-%d%%%d
                        #SBATCH --cpus-per-task=%d
                        #SBATCH --mem=%s
                        """, runs, throttle, throttle, runs - 1, throttle, cpusPerTask, memory))
                + body(dir, "sweep run " + quote(dir.toString()) + " --index \"$SLURM_ARRAY_TASK_ID\""));
        write(dir.resolve(COLLECT_SCRIPT), header("sernn-collect", collectTimeLimit, dir.resolve(LOGS)
                .resolve("collect.log"), String.format(Locale.ROOT, """
                        # Runs after every array task succeeded; 'sernn sweep collect DIR' can also be run by hand
                        # at any time (it reports the runs still missing).
                        #SBATCH --cpus-per-task=1
                        #SBATCH --mem=%s
                        """, memory))
                + body(dir, "sweep collect " + quote(dir.toString()) + collectOptions.stream().map(o -> " " + quote(o))
                        .reduce("", String::concat)));
    }

    private String header(String name, String time, Path log, String specific) {
        return "#!/bin/bash\n"
                + "# Submit both jobs with 'sernn sweep submit DIR', or by hand:\n"
                + "#   jid=$(sbatch --parsable " + ARRAY_SCRIPT + ")\n"
                + "#   sbatch --dependency=afterok:$jid --kill-on-invalid-dep=yes " + COLLECT_SCRIPT + "\n"
                + "# Cluster-specific lines: remove one '#' from the partition and account lines and fill them in.\n"
                + "##SBATCH --partition=PARTITION\n"
                + "##SBATCH --account=ACCOUNT\n"
                + "#SBATCH --job-name=" + name + "\n"
                + "#SBATCH --time=" + time + "\n"
                + "#SBATCH --output=" + log + "\n"
                + "#SBATCH --open-mode=append\n"
                + specific;
    }

    private String body(Path dir, String arguments) {
        return "\nset -euo pipefail\n"
                + "# The sernn to run (a JVM with sernn's jar, or the 'sernn' launcher of a checkout).\n"
                + "SERNN=${SERNN:-\"" + sernnCommand + "\"}\n"
                + "export OMP_NUM_THREADS=${SLURM_CPUS_PER_TASK:-1}\n"
                + "cd " + quote(dir.toString()) + "\n"
                + "echo \"$(date -u +%FT%TZ) $(hostname -s) job ${SLURM_JOB_ID:-none} task ${SLURM_ARRAY_TASK_ID:-none}\"\n"
                + "$SERNN " + arguments + "\n";
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: sbatch reads the script anyway
        }
    }
}
