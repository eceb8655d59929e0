package org.sernn.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arrays in the NumPy-written fixtures of src/test/resources/io/, made by make_fixtures.py
 * there; the two must list the same values.
 */
final class NpzFixtures {

    /** The JSON string stored as the 0-d unicode array {@code config}. */
    static final String CONFIG_JSON =
            "{\"name\": \"Caf\u00e9 \u2211 \uD834\uDD1E r\u00e9seau\", \"n_rec\": 3, \"tau_m_ms\": 20.0}";

    static final double[] W = {0.5, -1.25, 3.0, 1e-300, -0.0, 123456.789};
    static final float[] F32 = {1.5f, -2.25f, Float.POSITIVE_INFINITY, Float.NaN};
    static final long[] I64 = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
    static final byte[] I8 = {-128, -1, 0, 127};
    static final byte[] U8 = {0, 1, (byte) 128, (byte) 255};
    static final boolean[] MASK = {true, false, false, true};

    private NpzFixtures() {
    }

    /** The arrays of numpy_compressed.npz and numpy_stored.npz, in their order. */
    static Map<String, NpyArray> arrays() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("w", NpyArray.ofDoubles(W, 2, 3));
        arrays.put("f32", NpyArray.ofFloats(F32, 4));
        arrays.put("i64", NpyArray.ofLongs(I64, 4));
        arrays.put("i32", NpyArray.ofInts(i32Values(), 2, 3, 4));
        arrays.put("i8", NpyArray.ofBytes(I8, 4));
        arrays.put("u8", NpyArray.ofUnsignedBytes(U8, 4));
        arrays.put("mask", NpyArray.ofBooleans(MASK, 2, 2));
        arrays.put("empty", NpyArray.ofDoubles(new double[0], 0, 5));
        arrays.put("epoch", NpyArray.ofLongs(new long[] {7}));
        arrays.put("config", NpyArray.ofString(CONFIG_JSON));
        return arrays;
    }

    /** {@code np.arange(24).reshape(2, 3, 4) - 12}. */
    static int[] i32Values() {
        int[] values = new int[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = i - 12;
        }
        return values;
    }

    static Path resource(String name) {
        URL url = NpzFixtures.class.getResource("/io/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource io/" + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
