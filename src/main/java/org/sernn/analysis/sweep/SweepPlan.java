package org.sernn.analysis.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sernn.UserError;
import org.sernn.io.AtomicFiles;
import org.sernn.model.RegulariserKind;

/**
 * A sweep's plan.csv, the single source of truth of a sweep: one line per run, indexed 0..N-1 in file
 * order (the Slurm array index). Runs live in {@code runs/INDEX/} of the sweep folder.
 */
public record SweepPlan(List<PlanEntry> entries) {
    public static final String FILE = "plan.csv";

    public PlanEntry entry(int index, Path dir) {
        if (index < 0 || index >= entries.size()) {
            throw new UserError(String.format(Locale.ROOT, "--index %d: %s has runs 0..%d", index,
                    dir.resolve(FILE), entries.size() - 1));
        }
        return entries.get(index);
    }

    public static Path runDirectory(Path sweepDir, int index) {
        return sweepDir.resolve("runs").resolve(Integer.toString(index));
    }

    public String csv() {
        StringBuilder csv = new StringBuilder(PlanEntry.HEADER).append('\n');
        entries.forEach(e -> csv.append(e.csvLine()).append('\n'));
        return csv.toString();
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(FILE), csv());
    }

    public static SweepPlan read(Path dir) {
        Path file = dir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the sweep plan (" + e.getMessage() + "); write one with "
                    + "'sernn sweep plan --out " + dir + "'");
        }
        if (lines.isEmpty() || !lines.get(0).equals(PlanEntry.HEADER)) {
            throw new UserError(file + ": line 1 must be the header '" + PlanEntry.HEADER + "'");
        }
        List<PlanEntry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                entries.add(parse(file, i + 1, lines.get(i), entries.size()));
            }
        }
        if (entries.isEmpty()) {
            throw new UserError(file + ": holds no runs");
        }
        return new SweepPlan(List.copyOf(entries));
    }

    private static PlanEntry parse(Path file, int lineNumber, String line, int expectedIndex) {
        String[] cells = line.split(",", -1);
        String[] names = PlanEntry.HEADER.split(",");
        if (cells.length != names.length) {
            throw new UserError(String.format(Locale.ROOT, "%s: line %d has %d cells, expected %d (%s)", file,
                    lineNumber, cells.length, names.length, PlanEntry.HEADER));
        }
        Cells c = new Cells(file, lineNumber, names, cells);
        int index = c.integer(0, 0);
        if (index != expectedIndex) {
            throw new UserError(String.format(Locale.ROOT, "%s: line %d: index %d, expected %d (indices run 0..N-1 "
                    + "in file order)", file, lineNumber, index, expectedIndex));
        }
        NetworkKind network = c.choice(1, NetworkKind.class);
        RegulariserKind regulariser = c.choice(2, RegulariserKind.class);
        double strength = c.number(3);
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw c.error(3, "a finite strength >= 0");
        }
        long seed = c.whole(4, Long.MIN_VALUE);
        Integer epochs = cells[5].isEmpty() ? null : c.integer(5, 1);
        if (cells[6].isBlank()) {
            throw c.error(6, "a config path relative to the sweep folder");
        }
        PlanEntry.AnalysisSettings analysis = new PlanEntry.AnalysisSettings(c.integer(7, 1), c.integer(8, 0),
                c.integer(9, 1), c.whole(10, Long.MIN_VALUE));
        return new PlanEntry(index, new SweepRun(network, regulariser, strength, seed), epochs, cells[6], analysis);
    }

    /** The cells of one line, parsed with messages naming the file, line, column and value. */
    private record Cells(Path file, int line, String[] names, String[] cells) {
        UserError error(int column, String allowed) {
            return new UserError(String.format(Locale.ROOT, "%s: line %d: %s '%s': expected %s", file, line,
                    names[column], cells[column], allowed));
        }

        double number(int column) {
            try {
                return Double.parseDouble(cells[column]);
            } catch (NumberFormatException e) {
                throw error(column, "a number");
            }
        }

        int integer(int column, int min) {
            long value = whole(column, min);
            if (value > Integer.MAX_VALUE) {
                throw error(column, "an integer from " + min + " to " + Integer.MAX_VALUE);
            }
            return (int) value;
        }

        long whole(int column, long min) {
            try {
                long value = Long.parseLong(cells[column]);
                if (value >= min) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(column, min == Long.MIN_VALUE ? "an integer" : "an integer >= " + min);
        }

        <E extends Enum<E>> E choice(int column, Class<E> kind) {
            for (E value : kind.getEnumConstants()) {
                if (value.name().equalsIgnoreCase(cells[column])) {
                    return value;
                }
            }
            throw error(column, "one of " + java.util.Arrays.stream(kind.getEnumConstants())
                    .map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
