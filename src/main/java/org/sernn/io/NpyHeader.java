package org.sernn.io;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The header dict of a {@code .npy} file (numpy.lib.format, "Format Version 1.0"): the Python
 * literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}, read and written
 * here without the magic string, version, length and alignment padding around it (see {@link Npy}).
 *
 * @param dtype        the element type
 * @param bigEndian    whether the data is stored big-endian ({@code '>'} in the descr)
 * @param fortranOrder whether the data is stored in Fortran (column-major) order
 * @param shape        the dimensions
 */
record NpyHeader(NpyDtype dtype, boolean bigEndian, boolean fortranOrder, int[] shape) {

    /**
     * numpy.lib.format.GROWTH_AXIS_MAX_DIGITS: NumPy (1.23 and later) pads the dict with spaces so
     * that the first dimension could grow to this many digits and the header be rewritten in place.
     */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private static final List<String> KEYS = List.of("descr", "fortran_order", "shape");

    /**
     * The dict NumPy writes for a little-endian C-order array, including its growth padding (but
     * not the alignment padding and newline that {@link Npy} adds).
     */
    static String format(NpyDtype dtype, int[] shape) {
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + pythonTuple(shape) + ", }";
        return shape.length == 0 ? dict : dict + " ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length());
    }

    /**
     * Parses a header dict.
     *
     * @throws NpyFormatException if it is not a dict of exactly descr (a supported type string),
     *                            fortran_order (a bool) and shape (a tuple of non-negative ints)
     */
    static NpyHeader parse(String text) throws NpyFormatException {
        if (!(PythonLiteral.parse(text) instanceof Map<?, ?> dict)) {
            throw new NpyFormatException("header is not a dict");
        }
        for (String key : KEYS) {
            if (!dict.containsKey(key)) {
                throw new NpyFormatException("header has no '" + key + "' key");
            }
        }
        for (Object key : dict.keySet()) {
            if (!KEYS.contains(key)) {
                throw new NpyFormatException("header has an unexpected key '" + key + "' (expected only " + KEYS + ")");
            }
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortranOrder)) {
            throw new NpyFormatException("header's fortran_order is not True or False");
        }
        int[] shape = parseShape(dict.get("shape"));
        Object descr = dict.get("descr");
        if (descr instanceof List<?>) {
            throw new NpyFormatException("structured dtypes (a list as descr) are not supported; supported: "
                    + NpyDtype.SUPPORTED);
        }
        if (!(descr instanceof String typeString)) {
            throw new NpyFormatException("header's descr is not a string");
        }
        return new NpyHeader(parseDtype(typeString), typeString.startsWith(">"), fortranOrder, shape);
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    static String pythonTuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int dimension : shape) {
            joiner.add(Integer.toString(dimension));
        }
        return joiner.toString();
    }

    private static int[] parseShape(Object value) throws NpyFormatException {
        if (!(value instanceof PythonLiteral.Tuple tuple)) {
            throw new NpyFormatException("header's shape is not a tuple");
        }
        int[] shape = new int[tuple.items().size()];
        for (int i = 0; i < shape.length; i++) {
            Object item = tuple.items().get(i);
            if (!(item instanceof Long dimension) || dimension < 0 || dimension > Integer.MAX_VALUE) {
                throw new NpyFormatException("header's shape has " + item + " as dimension " + i
                        + "; dimensions must be integers from 0 to " + Integer.MAX_VALUE);
            }
            shape[i] = dimension.intValue();
        }
        return shape;
    }

    /** A type string such as {@code '<f8'}, {@code '>i4'}, {@code '|b1'} or {@code '<U7'}. */
    private static NpyDtype parseDtype(String descr) throws NpyFormatException {
        String unsupported = "unsupported dtype '" + descr + "'; supported: " + NpyDtype.SUPPORTED
                + " (also big-endian '>')";
        if (descr.length() < 3 || "<>|".indexOf(descr.charAt(0)) < 0) {
            throw new NpyFormatException(unsupported);
        }
        NpyDtype.Kind kind = null;
        for (NpyDtype.Kind candidate : NpyDtype.Kind.values()) {
            if (candidate.code() == descr.charAt(1)) {
                kind = candidate;
            }
        }
        String count = descr.substring(2);
        if (kind == null || !count.chars().allMatch(c -> c >= '0' && c <= '9') || count.length() > 9) {
            throw new NpyFormatException(unsupported);
        }
        long itemSize = Long.parseLong(count) * (kind == NpyDtype.Kind.UNICODE ? NpyDtype.BYTES_PER_CHAR : 1);
        if (itemSize > Integer.MAX_VALUE || !NpyDtype.isSupported(kind, (int) itemSize)
                || (descr.charAt(0) == '|' && itemSize != 1)) {
            throw new NpyFormatException(unsupported);
        }
        return new NpyDtype(kind, (int) itemSize);
    }
}
