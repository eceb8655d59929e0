package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NpyArrayTest {

    @Test
    void dataLengthMustMatchTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofDoubles(new double[5], 2, 3));
        assertEquals("data has 40 bytes but shape (2, 3) float64 needs 6 x 8 = 48 bytes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofInts(new int[2]));
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofBooleans(new boolean[1], 0, 5));
        assertThrows(IllegalArgumentException.class, () -> NpyArray.of(NpyDtype.INT32, new int[] {2}, new byte[7]));
    }

    @Test
    void negativeDimensionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofDoubles(new double[0], 0, -1));
        assertTrue(e.getMessage().contains("(0, -1)"), e.getMessage());
    }

    @Test
    void noShapeMeansZeroDimensionalWithOneElement() {
        NpyArray scalar = NpyArray.ofLongs(new long[] {7});
        assertEquals(0, scalar.ndim());
        assertEquals(1, scalar.size());
        assertEquals("NpyArray[int64 ()]", scalar.toString());
    }

    @Test
    void emptyShapeHoldsNoElements() {
        NpyArray empty = NpyArray.ofFloats(new float[0], 0, 5);
        assertArrayEquals(new int[] {0, 5}, empty.shape());
        assertEquals(0, empty.size());
        assertEquals(0, empty.asFloats().length);
    }

    @Test
    void inputsAndOutputsAreCopies() {
        double[] values = {1, 2};
        int[] shape = {2};
        NpyArray array = NpyArray.ofDoubles(values, shape);
        values[0] = 99;
        shape[0] = 5;
        array.shape()[0] = 7;
        array.asDoubles()[1] = 42;
        array.data()[0] = 1;
        assertArrayEquals(new double[] {1, 2}, array.asDoubles());
        assertArrayEquals(new int[] {2}, array.shape());

        byte[] raw = new byte[4];
        NpyArray ofRaw = NpyArray.of(NpyDtype.INT32, new int[] {1}, raw);
        raw[0] = 5;
        assertArrayEquals(new int[] {0}, ofRaw.asInts());
    }

    @Test
    void dataIsLittleEndianCOrder() {
        NpyArray array = NpyArray.ofInts(new int[] {1, 0x01020304}, 2);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 4, 3, 2, 1}, array.data());
    }

    @Test
    void asDoublesConvertsEveryNumericDtype() {
        assertArrayEquals(new double[] {1.5, -2}, NpyArray.ofFloats(new float[] {1.5f, -2f}, 2).asDoubles());
        assertArrayEquals(new double[] {-3, 4}, NpyArray.ofLongs(new long[] {-3, 4}, 2).asDoubles());
        assertArrayEquals(new double[] {-3, 4}, NpyArray.ofInts(new int[] {-3, 4}, 2).asDoubles());
        assertArrayEquals(new double[] {-128, 127}, NpyArray.ofBytes(new byte[] {-128, 127}, 2).asDoubles());
        assertArrayEquals(new double[] {255, 1}, NpyArray.ofUnsignedBytes(new byte[] {-1, 1}, 2).asDoubles());
        assertArrayEquals(new double[] {1, 0}, NpyArray.ofBooleans(new boolean[] {true, false}, 2).asDoubles());
        assertArrayEquals(new float[] {0.1f}, NpyArray.ofDoubles(new double[] {0.1}, 1).asFloats());
    }

    @Test
    void integerAccessorsRefuseFloatsAndStrings() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NpyArray.ofDoubles(new double[] {1}, 1).asInts());
        assertEquals("asInts needs an integer or bool dtype; this array is float64", e.getMessage());
        assertThrows(IllegalStateException.class, () -> NpyArray.ofFloats(new float[] {1}, 1).asLongs());
        assertThrows(IllegalStateException.class, () -> NpyArray.ofString("x").asDoubles());
        assertThrows(IllegalStateException.class, () -> NpyArray.ofInts(new int[] {1}, 1).asBooleans());
        assertThrows(IllegalStateException.class, () -> NpyArray.ofInts(new int[] {1}, 1).asString());
    }

    @Test
    void asIntsRefusesInt64ValuesOutsideTheIntRange() {
        assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
                NpyArray.ofLongs(new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, 2).asInts());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NpyArray.ofLongs(new long[] {0, 1L << 31}, 2).asInts());
        assertTrue(e.getMessage().contains("element 1"), e.getMessage());
    }

    @Test
    void unicodeWidthIsTheLongestElementInCodePoints() {
        NpyArray strings = NpyArray.ofStrings(new String[] {"ab", "\uD834\uDD1E", "", "abcd"}, 2, 2);
        assertEquals(NpyDtype.unicode(4), strings.dtype());
        assertEquals("<U4", strings.dtype().descr());
        assertArrayEquals(new String[] {"ab", "\uD834\uDD1E", "", "abcd"}, strings.asStrings());
        assertEquals(NpyDtype.unicode(1), NpyArray.ofString("").dtype(), "NumPy's np.array('') is <U1");
        assertEquals("", NpyArray.ofString("").asString());
    }

    @Test
    void trailingNulsAreDroppedAsInNumpy() {
        assertEquals("a\u0000b", NpyArray.ofString("a\u0000b\u0000").asString());
    }

    @Test
    void asStringNeedsExactlyOneElement() {
        assertEquals("x", NpyArray.ofStrings(new String[] {"x"}, 1, 1).asString());
        assertThrows(IllegalStateException.class, () -> NpyArray.ofStrings(new String[] {"x", "y"}, 2).asString());
    }

    @Test
    void unicodeDataMustHoldCodePoints() {
        byte[] notACodePoint = {0, 0, 0x11, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyArray.of(NpyDtype.unicode(1), new int[0], notACodePoint));
        assertTrue(e.getMessage().contains("0x110000"), e.getMessage());
    }

    @Test
    void equalityComparesDtypeShapeAndBytes() {
        NpyArray a = NpyArray.ofInts(new int[] {1, 2, 3, 4}, 2, 2);
        assertEquals(a, NpyArray.ofInts(new int[] {1, 2, 3, 4}, 2, 2));
        assertEquals(a.hashCode(), NpyArray.ofInts(new int[] {1, 2, 3, 4}, 2, 2).hashCode());
        assertNotEquals(a, NpyArray.ofInts(new int[] {1, 2, 3, 4}, 4));
        assertNotEquals(a, NpyArray.ofInts(new int[] {1, 2, 3, 5}, 2, 2));
        assertNotEquals(a, NpyArray.ofLongs(new long[] {1, 2, 3, 4}, 2, 2));
        assertNotEquals(NpyArray.ofDoubles(new double[] {0.0}), NpyArray.ofDoubles(new double[] {-0.0}));
    }

    @Test
    void dtypesHaveNumpyNamesAndTypeStrings() {
        assertEquals("<f8 float64", NpyDtype.FLOAT64.descr() + " " + NpyDtype.FLOAT64);
        assertEquals("<f4 float32", NpyDtype.FLOAT32.descr() + " " + NpyDtype.FLOAT32);
        assertEquals("<i8 int64", NpyDtype.INT64.descr() + " " + NpyDtype.INT64);
        assertEquals("<i4 int32", NpyDtype.INT32.descr() + " " + NpyDtype.INT32);
        assertEquals("|i1 int8", NpyDtype.INT8.descr() + " " + NpyDtype.INT8);
        assertEquals("|u1 uint8", NpyDtype.UINT8.descr() + " " + NpyDtype.UINT8);
        assertEquals("|b1 bool", NpyDtype.BOOL.descr() + " " + NpyDtype.BOOL);
        assertEquals("<U12 <U12", NpyDtype.unicode(12).descr() + " " + NpyDtype.unicode(12));
    }

    @Test
    void unsupportedDtypesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NpyDtype(NpyDtype.Kind.FLOAT, 2));
        assertThrows(IllegalArgumentException.class, () -> new NpyDtype(NpyDtype.Kind.UNSIGNED_INT, 4));
        assertThrows(IllegalArgumentException.class, () -> new NpyDtype(NpyDtype.Kind.UNICODE, 6));
        assertThrows(IllegalArgumentException.class, () -> NpyDtype.unicode(0));
    }
}
