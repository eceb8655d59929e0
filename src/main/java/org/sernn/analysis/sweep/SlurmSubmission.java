package org.sernn.analysis.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sernn.UserError;

/**
 * Submits a planned sweep to Slurm: the array restricted to the runs not yet finished (the script's
 * {@code %K} throttle kept), then the collect job depending on it with afterok.
 */
public final class SlurmSubmission {
    private static final Pattern THROTTLE = Pattern.compile("(?m)^#SBATCH --array=\\S*?(%\\d+)\\s*$");

    private SlurmSubmission() {
    }

    /**
     * The job ids submitted (array, collect), or an empty list when every run has finished; sbatch is
     * looked up on {@code searchPath} (the PATH).
     */
    public static List<String> submit(Path sweepDir, SweepPlan plan, String searchPath) throws IOException {
        Path sbatch = onPath("sbatch", searchPath);
        if (sbatch == null) {
            throw new UserError("sweep submit: sbatch is not on the PATH (Slurm is not installed on this machine); "
                    + "submit from a cluster's login node, or run locally with 'sernn sweep run DIR --index I' per "
                    + "run or 'sernn sweep --out DIR'");
        }
        Path arrayScript = sweepDir.resolve(SlurmScripts.ARRAY_SCRIPT);
        Path collectScript = sweepDir.resolve(SlurmScripts.COLLECT_SCRIPT);
        for (Path script : List.of(arrayScript, collectScript)) {
            if (!Files.exists(script)) {
                throw new UserError(script + ": missing; write it with 'sernn sweep plan --out " + sweepDir + "'");
            }
        }
        List<Integer> todo = SweepResults.of(sweepDir, plan).missing();
        if (todo.isEmpty()) {
            return List.of();
        }
        Matcher throttle = THROTTLE.matcher(Files.readString(arrayScript));
        String array = ranges(todo) + (throttle.find() ? throttle.group(1) : "");
        String arrayJob = sbatch(sbatch, "--parsable", "--array=" + array, arrayScript.toString());
        String collectJob = sbatch(sbatch, "--parsable", "--dependency=afterok:" + arrayJob,
                "--kill-on-invalid-dep=yes", collectScript.toString());
        return List.of(arrayJob, collectJob);
    }

    /** Indices as Slurm array ranges: 0,1,2,5,7,8 becomes 0-2,5,7-8. */
    static String ranges(List<Integer> indices) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < indices.size(); i++) {
            int start = indices.get(i);
            while (i + 1 < indices.size() && indices.get(i + 1) == indices.get(i) + 1) {
                i++;
            }
            text.append(text.length() > 0 ? "," : "").append(start);
            if (indices.get(i) != start) {
                text.append('-').append(indices.get(i));
            }
        }
        return text.toString();
    }

    private static String sbatch(Path sbatch, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(sbatch.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (process.waitFor() != 0) {
                throw new UserError("sweep submit: " + String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sbatch", e);
        }
        String last = output.lines().reduce((a, b) -> b).orElse("");
        return last.split(";")[0];   // --parsable prints JOBID[;CLUSTER]
    }

    static Path onPath(String program, String path) {
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
