package org.sernn.analysis.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sernn.UserError;
import org.sernn.io.AtomicFiles;

/** A sweep's results.csv: written from rows, read back for {@code compare}. */
public final class SweepTable {
    public static final String FILE = "results.csv";
    private static final List<String> FIXED = List.of("run", "network", "regulariser", "lambda", "seed");

    private SweepTable() {
    }

    public static void write(Path file, List<SweepRow> rows) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(row -> keys.addAll(row.values().keySet()));
        StringBuilder csv = new StringBuilder(String.join(",", FIXED));
        keys.forEach(key -> csv.append(',').append(key));
        csv.append('\n');
        for (SweepRow row : rows) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.6g,%d", row.run(), row.network(), row.regulariser(),
                    row.lambda(), row.seed()));
            for (String key : keys) {
                csv.append(',').append(String.format(Locale.ROOT, "%.6g", row.get(key)));
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    public static List<SweepRow> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read sweep results: " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith(String.join(",", FIXED))) {
            throw new UserError(file + ": not a sweep results table (header must start with "
                    + String.join(",", FIXED) + ")");
        }
        String[] header = lines.get(0).split(",");
        List<SweepRow> rows = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            String[] cells = lines.get(line).split(",");
            if (cells.length != header.length) {
                throw new UserError(file + ": line " + (line + 1) + " has " + cells.length + " cells, expected "
                        + header.length);
            }
            Map<String, Double> values = new LinkedHashMap<>();
            try {
                for (int k = FIXED.size(); k < header.length; k++) {
                    values.put(header[k], Double.parseDouble(cells[k]));
                }
                rows.add(new SweepRow(cells[0], cells[1], cells[2], Double.parseDouble(cells[3]),
                        Long.parseLong(cells[4]), values));
            } catch (NumberFormatException e) {
                throw new UserError(file + ": line " + (line + 1) + ": not a number: " + e.getMessage());
            }
        }
        return rows;
    }
}
