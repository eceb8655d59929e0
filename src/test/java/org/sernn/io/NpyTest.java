package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    private static final List<int[]> SHAPES = List.of(new int[0], new int[] {5}, new int[] {2, 3, 4}, new int[] {0, 5});

    /** One array of every dtype in every shape, with seeded random values. */
    static Stream<NpyArray> everyDtypeAndShape() {
        Random random = new Random(20261122L);
        List<NpyArray> arrays = new ArrayList<>();
        for (int[] shape : SHAPES) {
            int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            double[] doubles = random.doubles(n).map(x -> (x - 0.5) * 1e6).toArray();
            float[] floats = new float[n];
            long[] longs = random.longs(n).toArray();
            int[] ints = random.ints(n).toArray();
            byte[] bytes = new byte[n];
            boolean[] booleans = new boolean[n];
            String[] strings = new String[n];
            random.nextBytes(bytes);
            for (int i = 0; i < n; i++) {
                floats[i] = (float) random.nextGaussian();
                booleans[i] = random.nextBoolean();
                strings[i] = "s\u00e9" + "\uD834\uDD1E".repeat(i % 3) + i;
            }
            arrays.add(NpyArray.ofDoubles(doubles, shape));
            arrays.add(NpyArray.ofFloats(floats, shape));
            arrays.add(NpyArray.ofLongs(longs, shape));
            arrays.add(NpyArray.ofInts(ints, shape));
            arrays.add(NpyArray.ofBytes(bytes, shape));
            arrays.add(NpyArray.ofUnsignedBytes(bytes, shape));
            arrays.add(NpyArray.ofBooleans(booleans, shape));
            arrays.add(NpyArray.ofStrings(strings, shape));
        }
        return arrays.stream();
    }

    @ParameterizedTest
    @MethodSource("everyDtypeAndShape")
    void roundTripKeepsDtypeShapeAndData(NpyArray array) throws IOException {
        byte[] file = toBytes(array);
        NpyArray read = Npy.read(file);
        assertEquals(array, read);
        assertEquals(array.dtype(), read.dtype());
        assertArrayEquals(array.shape(), read.shape());
        assertArrayEquals(array.data(), read.data());
    }

    @ParameterizedTest
    @MethodSource("everyDtypeAndShape")
    void dataStartsOn64ByteBoundaryAfterANewline(NpyArray array) throws IOException {
        byte[] file = toBytes(array);
        int headerEnd = file.length - array.data().length;
        assertEquals(0, headerEnd % 64, "data offset " + headerEnd);
        assertEquals('\n', file[headerEnd - 1]);
        int headerLength = ByteBuffer.wrap(file, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(headerEnd, 10 + headerLength);
    }

    @Test
    void headerIsExactlyWhatNumpyWrites() throws IOException {
        byte[] numpy = Files.readAllBytes(NpzFixtures.resource("numpy_w.npy"));
        assertArrayEquals(numpy, toBytes(NpyArray.ofDoubles(NpzFixtures.W, 2, 3)));
    }

    @Test
    void headerTextMatchesTheSpecLayout() throws IOException {
        byte[] file = toBytes(NpyArray.ofDoubles(new double[12], 3, 4));
        String header = new String(file, 10, file.length - 10 - 96, StandardCharsets.ISO_8859_1);
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }";
        assertEquals(dict + " ".repeat(64 * 2 - 10 - dict.length() - 1) + "\n", header);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0}, Arrays.copyOf(file, 10));
    }

    @Test
    void zeroDimensionalHeaderHasAnEmptyTupleAndNoGrowthPadding() throws IOException {
        byte[] file = toBytes(NpyArray.ofString("abc"));
        String header = new String(file, 10, 128 - 10, StandardCharsets.ISO_8859_1);
        String dict = "{'descr': '<U3', 'fortran_order': False, 'shape': (), }";
        assertEquals(dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n", header);
        assertEquals(128 + 3 * 4, file.length);
    }

    @Test
    void readsNumpyVersion2And3Headers() throws IOException {
        for (String name : List.of("numpy_v2.npy", "numpy_v3.npy")) {
            NpyArray read = Npy.read(Files.readAllBytes(NpzFixtures.resource(name)));
            assertEquals(NpyArray.ofLongs(new long[] {1, 2, 3}, 1, 3), read, name);
        }
    }

    @Test
    void writesVersion2WhenTheHeaderDoesNotFitVersion1() throws IOException {
        int[] shape = new int[22_000];
        Arrays.fill(shape, 1);
        NpyArray array = NpyArray.ofInts(new int[] {42}, shape);
        byte[] file = toBytes(array);
        assertEquals(2, file[6]);
        int headerLength = ByteBuffer.wrap(file, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals(0, (12 + headerLength) % 64);
        assertEquals(array, Npy.read(file));
    }

    @Test
    void readFromAStreamStopsAfterTheData() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyArray first = NpyArray.ofInts(new int[] {1, 2, 3}, 3);
        NpyArray second = NpyArray.ofString("second");
        Npy.write(out, first);
        Npy.write(out, second);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(first, Npy.read(in));
        assertEquals(second, Npy.read(in));
        assertEquals(0, in.available());
    }

    @Test
    void bigEndianDataIsSwapped() throws IOException {
        byte[] file = withHeader("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }",
                new byte[] {0, 0, 1, 2, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE});
        assertArrayEquals(new int[] {0x0102, -2}, Npy.read(file).asInts());
        byte[] text = withHeader("{'descr': '>U2', 'fortran_order': False, 'shape': (), }",
                new byte[] {0, 0, 0, 'h', 0, 1, (byte) 0xD1, 0x1E});
        assertEquals("h\uD834\uDD1E", Npy.read(text).asString());
    }

    @Test
    void fortranOrderDataIsReorderedToCOrder() throws IOException {
        ByteBuffer columnMajor = ByteBuffer.allocate(6 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : new double[] {1, 4, 2, 5, 3, 6}) {
            columnMajor.putDouble(x);
        }
        byte[] file = withHeader("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", columnMajor.array());
        NpyArray read = Npy.read(file);
        assertArrayEquals(new int[] {2, 3}, read.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, read.asDoubles());
    }

    @Test
    void headerKeysMayComeInAnyOrderWithDoubleQuotesAndPython2Longs() throws IOException {
        byte[] file = withHeader("{\"shape\": (2L,), 'descr': \"<i8\", 'fortran_order': False}", new byte[16]);
        assertEquals(NpyArray.ofLongs(new long[2], 2), Npy.read(file));
    }

    @Test
    void shortDataIsReportedWithTheAnnouncedSize() throws IOException {
        byte[] file = toBytes(NpyArray.ofDoubles(new double[100 * 100], 100, 100));
        byte[] cut = Arrays.copyOf(file, file.length - 80_000 + 4096);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(cut));
        assertEquals("header says shape (100, 100) float64 = 80000 bytes but only 4096 are present", e.getMessage());
    }

    @Test
    void bytesAfterTheDataAreAnError() throws IOException {
        byte[] file = toBytes(NpyArray.ofInts(new int[] {1}, 1));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(Arrays.copyOf(file, file.length + 3)));
        assertEquals("3 bytes follow the data of shape (1,) int32", e.getMessage());
    }

    @Test
    void everyTruncationIsAnError() throws IOException {
        byte[] file = toBytes(NpyArray.ofStrings(new String[] {"ab", "c"}, 2));
        for (int length = 0; length < file.length; length++) {
            byte[] cut = Arrays.copyOf(file, length);
            assertThrows(NpyFormatException.class, () -> Npy.read(cut), "cut at " + length);
        }
    }

    @Test
    void badMagicIsReported() {
        NpyFormatException e = assertThrows(NpyFormatException.class,
                () -> Npy.read("PK\u0003\u0004 a zip, not an array".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.getMessage().contains("\\x93NUMPY"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 0x0101})
    void unknownVersionsAreReported(int version) throws IOException {
        byte[] file = toBytes(NpyArray.ofInts(new int[] {1}, 1));
        file[6] = (byte) (version & 0xFF);
        file[7] = (byte) (version >> 8);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertTrue(e.getMessage().startsWith("unsupported NPY format version"), e.getMessage());
    }

    static Stream<String[]> malformedHeaders() {
        return Stream.of(
                new String[] {"['descr', 'shape']", "header is not a dict"},
                new String[] {"{'descr': '<f8', 'shape': (1,), }", "header has no 'fortran_order' key"},
                new String[] {"{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}", "unexpected key 'x'"},
                new String[] {"{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }", "fortran_order is not True or False"},
                new String[] {"{'descr': '<f8', 'fortran_order': False, 'shape': [1], }", "shape is not a tuple"},
                new String[] {"{'descr': '<f8', 'fortran_order': False, 'shape': (1), }", "shape is not a tuple"},
                new String[] {"{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1), }", "has -1 as dimension 1"},
                new String[] {"{'descr': '<f8', 'fortran_order': False, 'shape': (2, 'a'), }", "has a as dimension 1"},
                new String[] {"{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", "unsupported dtype '<c16'"},
                new String[] {"{'descr': '|f8', 'fortran_order': False, 'shape': (1,), }", "unsupported dtype '|f8'"},
                new String[] {"{'descr': '<U0', 'fortran_order': False, 'shape': (1,), }", "unsupported dtype '<U0'"},
                new String[] {"{'descr': 'f8', 'fortran_order': False, 'shape': (1,), }", "unsupported dtype 'f8'"},
                new String[] {"{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", "structured dtypes"},
                new String[] {"{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}", "appears twice"},
                new String[] {"{'descr': '<f8' 'fortran_order': False, 'shape': (1,), }", "expected ','"},
                new String[] {"{1: '<f8', 'fortran_order': False, 'shape': (1,), }", "dict key is not a string"},
                new String[] {"{'descr': '<f8\\x', 'fortran_order': False, 'shape': (1,), }", "unsupported escape \\x"},
                new String[] {"{'descr': \"<f8', 'fortran_order': False, 'shape': (1,), }", "string is not closed"},
                new String[] {"{'descr': '<f8, 'fortran_order': False, 'shape': (1,), }", "expected ',' at character 17"},
                new String[] {"{'descr': '<f8', 'fortran_order': False, 'shape': (1,), ", "unexpected end"},
                new String[] {"{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } x", "unexpected text after"},
                new String[] {"{'descr': '<f8', 'fortran_order': Flase, 'shape': (1,), }", "unexpected character 'F'"},
                new String[] {"{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}", "too large"});
    }

    @ParameterizedTest
    @MethodSource("malformedHeaders")
    void malformedHeadersAreReportedWithTheHeader(String dict, String expectedInMessage) {
        byte[] file = withHeader(dict, new byte[8]);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad header " + dict.substring(0, 10)), e.getMessage());
    }

    @Test
    void invalidUnicodeDataIsAFormatError() {
        byte[] file = withHeader("{'descr': '<U1', 'fortran_order': False, 'shape': (), }", new byte[] {0, 0, 0, (byte) 0x80});
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertTrue(e.getMessage().contains("not a Unicode code point"), e.getMessage());
    }

    private static byte[] toBytes(NpyArray array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, array);
        return out.toByteArray();
    }

    /** A version 1.0 file with {@code dict} as its header (unaligned: readers must not care) and {@code data}. */
    static byte[] withHeader(String dict, byte[] data) {
        byte[] header = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(10 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0})
                .putShort((short) header.length).put(header).put(data).array();
    }
}
