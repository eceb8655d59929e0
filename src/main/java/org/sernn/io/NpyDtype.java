package org.sernn.io;

/**
 * The element type of an {@link NpyArray}: a kind and a size in bytes per element.
 *
 * <p>In a {@code .npy} header it is the {@code 'descr'} entry, a NumPy array-interface type string
 * (numpy.lib.format, "Format Version 1.0"): a byte-order character, a kind character and a size,
 * e.g. {@code '<f8'}. Unicode strings count their size in characters: {@code '<U7'} holds up to 7
 * characters, each one UTF-32 code unit of 4 bytes, padded with NULs. Supported: float64 {@code <f8},
 * float32 {@code <f4}, int64 {@code <i8}, int32 {@code <i4}, int8 {@code |i1}, uint8 {@code |u1},
 * bool {@code |b1} and unicode {@code <U{n}}.
 *
 * @param kind     what an element is
 * @param itemSize bytes per element (4 per character for {@link Kind#UNICODE})
 */
public record NpyDtype(Kind kind, int itemSize) {

    /** What an element is, with its NumPy kind character. */
    public enum Kind {
        FLOAT('f'), SIGNED_INT('i'), UNSIGNED_INT('u'), BOOL('b'), UNICODE('U');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        /** The kind character of NumPy's type strings: {@code f i u b U}. */
        public char code() {
            return code;
        }
    }

    /** Bytes per character of a NumPy unicode string (UTF-32). */
    public static final int BYTES_PER_CHAR = 4;

    public static final NpyDtype FLOAT64 = new NpyDtype(Kind.FLOAT, 8);
    public static final NpyDtype FLOAT32 = new NpyDtype(Kind.FLOAT, 4);
    public static final NpyDtype INT64 = new NpyDtype(Kind.SIGNED_INT, 8);
    public static final NpyDtype INT32 = new NpyDtype(Kind.SIGNED_INT, 4);
    public static final NpyDtype INT8 = new NpyDtype(Kind.SIGNED_INT, 1);
    public static final NpyDtype UINT8 = new NpyDtype(Kind.UNSIGNED_INT, 1);
    public static final NpyDtype BOOL = new NpyDtype(Kind.BOOL, 1);

    /** The type strings this package reads and writes, for error messages. */
    static final String SUPPORTED = "<f8, <f4, <i8, <i4, |i1, |u1, |b1, <U{n}";

    /** @throws IllegalArgumentException for a kind and size this package does not support */
    public NpyDtype {
        if (kind == null) {
            throw new IllegalArgumentException("dtype kind must not be null");
        }
        if (!isSupported(kind, itemSize)) {
            throw new IllegalArgumentException("unsupported dtype: kind " + kind + " with " + itemSize
                    + " bytes per element; supported: " + SUPPORTED);
        }
    }

    /** A unicode string type holding up to {@code maxChars} characters: NumPy's {@code <U{maxChars}}. */
    public static NpyDtype unicode(int maxChars) {
        if (maxChars < 1 || maxChars > Integer.MAX_VALUE / BYTES_PER_CHAR) {
            throw new IllegalArgumentException("unicode dtype needs 1 to " + Integer.MAX_VALUE / BYTES_PER_CHAR
                    + " characters, was " + maxChars);
        }
        return new NpyDtype(Kind.UNICODE, maxChars * BYTES_PER_CHAR);
    }

    static boolean isSupported(Kind kind, int itemSize) {
        return switch (kind) {
            case FLOAT -> itemSize == 8 || itemSize == 4;
            case SIGNED_INT -> itemSize == 8 || itemSize == 4 || itemSize == 1;
            case UNSIGNED_INT, BOOL -> itemSize == 1;
            case UNICODE -> itemSize >= BYTES_PER_CHAR && itemSize % BYTES_PER_CHAR == 0;
        };
    }

    /** True for integer kinds and bool, whose values are exact in a {@code long}. */
    public boolean isIntegral() {
        return kind == Kind.SIGNED_INT || kind == Kind.UNSIGNED_INT || kind == Kind.BOOL;
    }

    /** True for every kind but unicode. */
    public boolean isNumeric() {
        return kind != Kind.UNICODE;
    }

    /**
     * The type string NumPy writes for this type on a little-endian machine: {@code '|'} for one-byte
     * types, {@code '<'} otherwise; unicode sizes are in characters ({@code <U7}).
     */
    public String descr() {
        char byteOrder = itemSize == 1 ? '|' : '<';
        int count = kind == Kind.UNICODE ? itemSize / BYTES_PER_CHAR : itemSize;
        return "" + byteOrder + kind.code + count;
    }

    /** NumPy's name of the type ({@code float64}, {@code uint8}, {@code bool}), or the type string for unicode. */
    @Override
    public String toString() {
        return switch (kind) {
            case FLOAT -> "float" + 8 * itemSize;
            case SIGNED_INT -> "int" + 8 * itemSize;
            case UNSIGNED_INT -> "uint" + 8 * itemSize;
            case BOOL -> "bool";
            case UNICODE -> descr();
        };
    }
}
