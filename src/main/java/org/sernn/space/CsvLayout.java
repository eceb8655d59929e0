package org.sernn.space;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sernn.UserError;
import org.sernn.linalg.DenseMatrix;

/**
 * Positions read from a CSV file with one unit per row and three columns x, y, z (for example soma
 * coordinates from a connectome). A first row that is not numeric is taken as a header; blank lines
 * and lines starting with '#' are skipped.
 */
public final class CsvLayout {
    private CsvLayout() {
    }

    public static Positions read(Path file, int expectedUnits) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": coordinate file not found");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read coordinate file: " + e.getMessage());
        }
        List<double[]> rows = new ArrayList<>();
        boolean firstContentLine = true;
        for (int lineIndex = 0; lineIndex < lines.size(); lineIndex++) {
            String line = lines.get(lineIndex).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s*[,;\\t ]\\s*");
            if (firstContentLine && !isNumber(fields[0])) {
                firstContentLine = false;
                continue;
            }
            firstContentLine = false;
            int lineNumber = lineIndex + 1;
            if (fields.length != 3) {
                throw new UserError(file + ": line " + lineNumber + " has " + fields.length
                        + " columns; a coordinate file needs exactly 3 (x, y, z)");
            }
            double[] xyz = new double[3];
            for (int axis = 0; axis < 3; axis++) {
                xyz[axis] = parseFinite(file, lineNumber, fields[axis]);
            }
            rows.add(xyz);
        }
        if (rows.size() != expectedUnits) {
            throw new UserError(file + ": has " + rows.size() + " coordinate rows but the network has "
                    + expectedUnits + " recurrent units; give one row per unit");
        }
        double[] flat = new double[rows.size() * 3];
        for (int unit = 0; unit < rows.size(); unit++) {
            System.arraycopy(rows.get(unit), 0, flat, unit * 3, 3);
        }
        return new Positions(DenseMatrix.of(rows.size(), 3, flat));
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double parseFinite(Path file, int lineNumber, String field) {
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new UserError(file + ": line " + lineNumber + ": '" + field + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new UserError(file + ": line " + lineNumber + ": coordinate '" + field
                    + "' is not finite; coordinates must be finite numbers");
        }
        return value;
    }
}
