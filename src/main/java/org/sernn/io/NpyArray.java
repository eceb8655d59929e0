package org.sernn.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable n-dimensional array as a {@code .npy} file holds it (numpy.lib.format): a
 * {@link NpyDtype}, a shape and the elements in C order (last index fastest).
 *
 * <p>The elements are kept as little-endian bytes, exactly the data section of a {@code .npy} file
 * that NumPy writes on a little-endian machine; the {@code as...} accessors convert them to Java
 * arrays. A shape of length 0 is a 0-d array (one element, what NumPy makes of a scalar); a shape
 * with a 0 in it, e.g. {@code (0, 5)}, holds no elements. One array holds at most 2 GiB of data.
 * Equality compares dtype, shape and the bytes, so {@code -0.0 != 0.0} and equal NaNs are equal.
 */
public final class NpyArray {

    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;
    private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;

    private final NpyDtype dtype;
    private final int[] shape;
    private final byte[] data;

    private NpyArray(NpyDtype dtype, int[] shape, byte[] data) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.data = Objects.requireNonNull(data, "data");
        long elements = elementCount(shape);
        if ((long) data.length != elements * dtype.itemSize()) {
            String needed = elements > MAX_BYTES ? "over 2 GiB" : elements + " x " + dtype.itemSize() + " = "
                    + elements * dtype.itemSize() + " bytes";
            throw new IllegalArgumentException("data has " + data.length + " bytes but shape "
                    + NpyHeader.pythonTuple(shape) + " " + dtype + " needs " + needed);
        }
        if (dtype.kind() == NpyDtype.Kind.UNICODE) {
            checkCodePoints(data);
        }
    }

    /**
     * An array from its raw data section: {@code data} holds the elements in C order, little-endian,
     * as in a {@code .npy} file. Both arrays are copied.
     *
     * @throws IllegalArgumentException if a dimension is negative or {@code data} is not exactly
     *                                  the shape's element count times the dtype's item size, or a
     *                                  unicode element is not a valid code point
     */
    public static NpyArray of(NpyDtype dtype, int[] shape, byte[] data) {
        return new NpyArray(dtype, shape.clone(), data.clone());
    }

    /** An array that takes ownership of {@code shape} and {@code data} without copying them. */
    static NpyArray wrap(NpyDtype dtype, int[] shape, byte[] data) {
        return new NpyArray(dtype, shape, data);
    }

    /** A float64 array; an empty {@code shape} makes a 0-d array of one element. */
    public static NpyArray ofDoubles(double[] values, int... shape) {
        ByteBuffer buffer = allocate(values.length, NpyDtype.FLOAT64);
        buffer.asDoubleBuffer().put(values);
        return new NpyArray(NpyDtype.FLOAT64, shape.clone(), buffer.array());
    }

    /** A float32 array; an empty {@code shape} makes a 0-d array of one element. */
    public static NpyArray ofFloats(float[] values, int... shape) {
        ByteBuffer buffer = allocate(values.length, NpyDtype.FLOAT32);
        buffer.asFloatBuffer().put(values);
        return new NpyArray(NpyDtype.FLOAT32, shape.clone(), buffer.array());
    }

    /** An int64 array; an empty {@code shape} makes a 0-d array of one element. */
    public static NpyArray ofLongs(long[] values, int... shape) {
        ByteBuffer buffer = allocate(values.length, NpyDtype.INT64);
        buffer.asLongBuffer().put(values);
        return new NpyArray(NpyDtype.INT64, shape.clone(), buffer.array());
    }

    /** An int32 array; an empty {@code shape} makes a 0-d array of one element. */
    public static NpyArray ofInts(int[] values, int... shape) {
        ByteBuffer buffer = allocate(values.length, NpyDtype.INT32);
        buffer.asIntBuffer().put(values);
        return new NpyArray(NpyDtype.INT32, shape.clone(), buffer.array());
    }

    /** An int8 array of Java's signed bytes; an empty {@code shape} makes a 0-d array. */
    public static NpyArray ofBytes(byte[] values, int... shape) {
        return new NpyArray(NpyDtype.INT8, shape.clone(), values.clone());
    }

    /** A uint8 array: each byte's bits read as 0..255 ({@code (byte) 255} is 255). */
    public static NpyArray ofUnsignedBytes(byte[] values, int... shape) {
        return new NpyArray(NpyDtype.UINT8, shape.clone(), values.clone());
    }

    /** A bool array, one byte (0 or 1) per element; an empty {@code shape} makes a 0-d array. */
    public static NpyArray ofBooleans(boolean[] values, int... shape) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i] ? (byte) 1 : (byte) 0;
        }
        return new NpyArray(NpyDtype.BOOL, shape.clone(), bytes);
    }

    /**
     * A 0-d unicode array, what NumPy stores for a Python {@code str} (e.g. the JSON config of a
     * checkpoint); NumPy reads it back with {@code str(npz['config'])}.
     */
    public static NpyArray ofString(String value) {
        return ofStrings(new String[] {value});
    }

    /**
     * A unicode array {@code <U{n}} with n the longest element's length in code points (at least 1,
     * as in NumPy). Elements are stored as UTF-32 padded with NULs, so trailing NUL characters of an
     * element do not survive, as in NumPy.
     */
    public static NpyArray ofStrings(String[] values, int... shape) {
        int[][] codePoints = new int[values.length][];
        int maxChars = 1;
        for (int i = 0; i < values.length; i++) {
            codePoints[i] = values[i].codePoints().toArray();
            maxChars = Math.max(maxChars, codePoints[i].length);
        }
        NpyDtype dtype = NpyDtype.unicode(maxChars);
        ByteBuffer buffer = allocate(values.length, dtype);
        for (int i = 0; i < values.length; i++) {
            buffer.position(i * dtype.itemSize());
            for (int codePoint : codePoints[i]) {
                buffer.putInt(codePoint);
            }
        }
        return new NpyArray(dtype, shape.clone(), buffer.array());
    }

    public NpyDtype dtype() {
        return dtype;
    }

    /** The shape, a copy; empty for a 0-d array. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions: 0 for a 0-d array. */
    public int ndim() {
        return shape.length;
    }

    /** The number of elements: the product of the shape (1 for a 0-d array). */
    public int size() {
        return data.length / dtype.itemSize();
    }

    /** The data section: elements in C order, little-endian; a copy. */
    public byte[] data() {
        return data.clone();
    }

    /** The data section without copying, for writers in this package; must not be modified. */
    byte[] sharedData() {
        return data;
    }

    /** The elements as doubles, from any numeric dtype (bool as 0 and 1; int64 rounded beyond 2^53). */
    public double[] asDoubles() {
        requireKind(dtype.isNumeric(), "asDoubles", "a numeric dtype");
        double[] values = new double[size()];
        if (dtype.equals(NpyDtype.FLOAT64)) {
            littleEndian().asDoubleBuffer().get(values);
        } else if (dtype.equals(NpyDtype.FLOAT32)) {
            FloatBuffer floats = littleEndian().asFloatBuffer();
            for (int i = 0; i < values.length; i++) {
                values[i] = floats.get(i);
            }
        } else {
            long[] longs = asLongs();
            for (int i = 0; i < values.length; i++) {
                values[i] = longs[i];
            }
        }
        return values;
    }

    /** The elements as floats, from any numeric dtype (float64 and large integers rounded to float). */
    public float[] asFloats() {
        requireKind(dtype.isNumeric(), "asFloats", "a numeric dtype");
        float[] values = new float[size()];
        if (dtype.equals(NpyDtype.FLOAT32)) {
            littleEndian().asFloatBuffer().get(values);
        } else {
            double[] doubles = asDoubles();
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) doubles[i];
            }
        }
        return values;
    }

    /** The elements as longs, from an integer or bool dtype (never from floats: that would round). */
    public long[] asLongs() {
        requireKind(dtype.isIntegral(), "asLongs", "an integer or bool dtype");
        long[] values = new long[size()];
        if (dtype.equals(NpyDtype.INT64)) {
            littleEndian().asLongBuffer().get(values);
        } else if (dtype.equals(NpyDtype.INT32)) {
            IntBuffer ints = littleEndian().asIntBuffer();
            for (int i = 0; i < values.length; i++) {
                values[i] = ints.get(i);
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = byteValue(data[i]);
            }
        }
        return values;
    }

    /**
     * The elements as ints, from an integer or bool dtype.
     *
     * @throws IllegalStateException if an int64 element does not fit in an int
     */
    public int[] asInts() {
        requireKind(dtype.isIntegral(), "asInts", "an integer or bool dtype");
        long[] longs = asLongs();
        int[] values = new int[longs.length];
        for (int i = 0; i < values.length; i++) {
            if (longs[i] != (int) longs[i]) {
                throw new IllegalStateException("asInts: element " + i + " of this " + dtype + " array is "
                        + longs[i] + ", outside the int range");
            }
            values[i] = (int) longs[i];
        }
        return values;
    }

    /** The elements of a bool array (any nonzero byte is true, as in NumPy). */
    public boolean[] asBooleans() {
        requireKind(dtype.kind() == NpyDtype.Kind.BOOL, "asBooleans", "dtype bool");
        boolean[] values = new boolean[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data[i] != 0;
        }
        return values;
    }

    /** The elements of a unicode array, trailing NULs removed as NumPy does. */
    public String[] asStrings() {
        requireKind(dtype.kind() == NpyDtype.Kind.UNICODE, "asStrings", "a unicode dtype <U{n}");
        int width = dtype.itemSize() / NpyDtype.BYTES_PER_CHAR;
        IntBuffer chars = littleEndian().asIntBuffer();
        String[] values = new String[size()];
        int[] codePoints = new int[width];
        for (int i = 0; i < values.length; i++) {
            chars.get(i * width, codePoints);
            int length = width;
            while (length > 0 && codePoints[length - 1] == 0) {
                length--;
            }
            values[i] = new String(codePoints, 0, length);
        }
        return values;
    }

    /**
     * The one string of a unicode array with a single element, e.g. a checkpoint's JSON {@code config}.
     *
     * @throws IllegalStateException if the dtype is not unicode or the array has not exactly one element
     */
    public String asString() {
        String[] values = asStrings();
        if (values.length != 1) {
            throw new IllegalStateException("asString: array of shape " + NpyHeader.pythonTuple(shape) + " has "
                    + values.length + " strings, not one");
        }
        return values[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray that && dtype.equals(that.dtype) && Arrays.equals(shape, that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    /** Dtype and shape, e.g. {@code NpyArray[float64 (2, 3)]}; never the data. */
    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + NpyHeader.pythonTuple(shape) + "]";
    }

    private long byteValue(byte b) {
        return switch (dtype.kind()) {
            case UNSIGNED_INT -> b & 0xFF;
            case BOOL -> b != 0 ? 1 : 0;
            default -> b;
        };
    }

    private ByteBuffer littleEndian() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void requireKind(boolean ok, String accessor, String needed) {
        if (!ok) {
            throw new IllegalStateException(accessor + " needs " + needed + "; this array is " + dtype);
        }
    }

    /** The product of the shape's dimensions, capped just above {@code MAX_BYTES}. */
    private static long elementCount(int[] shape) {
        long count = 1;
        for (int dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("shape " + NpyHeader.pythonTuple(shape) + " has a negative dimension");
            }
            count = Math.min(count * dimension, (long) MAX_BYTES + 1);
        }
        return count;
    }

    private static ByteBuffer allocate(int elements, NpyDtype dtype) {
        long bytes = (long) elements * dtype.itemSize();
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(elements + " elements of " + dtype + " are " + bytes
                    + " bytes, over the 2 GiB limit of one array");
        }
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void checkCodePoints(byte[] data) {
        IntBuffer chars = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        for (int i = 0; i < chars.limit(); i++) {
            int codePoint = chars.get(i);
            if (codePoint < 0 || codePoint > MAX_CODE_POINT) {
                throw new IllegalArgumentException("unicode data holds 0x" + Integer.toHexString(codePoint)
                        + " at character " + i + ", not a Unicode code point");
            }
        }
    }
}
