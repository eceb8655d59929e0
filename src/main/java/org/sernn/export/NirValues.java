package org.sernn.export;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sernn.UserError;

/** Turns the HDF5 values of a NIR node (numbers or arrays of any rank and numeric type) into doubles. */
final class NirValues {
    private NirValues() {
    }

    /** The values in row-major order; a scalar is one value. */
    static double[] flat(Object value, String where) {
        List<Double> out = new ArrayList<>();
        collect(value, out, where);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The shape of an array value ({} for a scalar). */
    static int[] shape(Object value) {
        List<Integer> dims = new ArrayList<>();
        Object current = value;
        while (current != null && current.getClass().isArray()) {
            int length = Array.getLength(current);
            dims.add(length);
            current = length > 0 ? Array.get(current, 0) : null;
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void collect(Object value, List<Double> out, String where) {
        if (value instanceof Number number) {
            out.add(number.doubleValue());
        } else if (value != null && value.getClass().isArray()) {
            int length = Array.getLength(value);
            for (int i = 0; i < length; i++) {
                collect(Array.get(value, i), out, where);
            }
        } else {
            throw new UserError(where + ": expected numbers, found " + (value == null ? "nothing"
                    : value.getClass().getSimpleName()));
        }
    }

    /** An insertion-ordered map of (key, value) pairs, so files are written in a fixed order. */
    static Map<String, Object> entries(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static float[][] float32(double[] rowMajor, int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = (float) rowMajor[r * cols + c];
            }
        }
        return m;
    }

    static double[][] float64(double[] rowMajor, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = java.util.Arrays.copyOfRange(rowMajor, r * cols, (r + 1) * cols);
        }
        return m;
    }

    static float[] float32(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
