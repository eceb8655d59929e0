package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"numpy_compressed.npz", "numpy_stored.npz"})
    void readsWhatNumpyWrote(String fixture) throws IOException {
        Map<String, NpyArray> arrays = Npz.read(NpzFixtures.resource(fixture));

        assertEquals(List.of("w", "f32", "i64", "i32", "i8", "u8", "mask", "empty", "epoch", "config"),
                new ArrayList<>(arrays.keySet()));
        NpyArray w = arrays.get("w");
        assertEquals(NpyDtype.FLOAT64, w.dtype());
        assertArrayEquals(new int[] {2, 3}, w.shape());
        assertArrayEquals(new double[] {0.5, -1.25, 3.0, 1e-300, -0.0, 123456.789}, w.asDoubles());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(w.asDoubles()[4]));
        assertArrayEquals(new float[] {1.5f, -2.25f, Float.POSITIVE_INFINITY, Float.NaN}, arrays.get("f32").asFloats());
        assertArrayEquals(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, arrays.get("i64").asLongs());
        assertArrayEquals(new int[] {2, 3, 4}, arrays.get("i32").shape());
        assertArrayEquals(NpzFixtures.i32Values(), arrays.get("i32").asInts());
        assertArrayEquals(new int[] {-128, -1, 0, 127}, arrays.get("i8").asInts());
        assertArrayEquals(new int[] {0, 1, 128, 255}, arrays.get("u8").asInts());
        assertArrayEquals(new boolean[] {true, false, false, true}, arrays.get("mask").asBooleans());
        assertArrayEquals(new int[] {0, 5}, arrays.get("empty").shape());
        assertEquals(0, arrays.get("empty").size());
        assertEquals(0, arrays.get("epoch").ndim());
        assertArrayEquals(new long[] {7}, arrays.get("epoch").asLongs());
        assertEquals(0, arrays.get("config").ndim());
        assertEquals(NpyDtype.unicode(57), arrays.get("config").dtype());
        assertEquals("{\"name\": \"Caf\u00e9 \u2211 \uD834\uDD1E r\u00e9seau\", \"n_rec\": 3, \"tau_m_ms\": 20.0}",
                arrays.get("config").asString());

        assertEquals(NpzFixtures.arrays(), arrays);
    }

    @Test
    void readsBigEndianAndFortranOrderArraysThatNumpyWrote() throws IOException {
        Map<String, NpyArray> arrays = Npz.read(NpzFixtures.resource("numpy_variants.npz"));
        assertArrayEquals(new double[] {1.0, -2.5, 1e10}, arrays.get("be_f8").asDoubles());
        assertEquals(NpyDtype.FLOAT64, arrays.get("be_f8").dtype());
        assertArrayEquals(new int[] {1, -2, 3, Integer.MAX_VALUE}, arrays.get("be_i4").asInts());
        assertArrayEquals(new int[] {2, 2}, arrays.get("be_i4").shape());
        assertEquals("Gr\u00fc\u00dfe \uD834\uDD1E", arrays.get("be_str").asString());
        NpyArray fortran = arrays.get("fortran");
        assertArrayEquals(new int[] {2, 3, 4}, fortran.shape());
        double[] arange = new double[24];
        for (int i = 0; i < 24; i++) {
            arange[i] = i;
        }
        assertArrayEquals(arange, fortran.asDoubles(), "np.asfortranarray(np.arange(24).reshape(2, 3, 4))");
    }

    /** np.savez stores each member as the exact bytes np.save writes; ours must be identical. */
    @Test
    void writtenMembersAreByteForByteWhatNumpyWrites() throws IOException {
        Path ours = dir.resolve("ours.npz");
        Npz.write(ours, NpzFixtures.arrays());

        Map<String, byte[]> numpyMembers = members(NpzFixtures.resource("numpy_stored.npz"));
        Map<String, byte[]> ourMembers = members(ours);
        assertEquals(new ArrayList<>(numpyMembers.keySet()), new ArrayList<>(ourMembers.keySet()));
        for (String name : numpyMembers.keySet()) {
            assertArrayEquals(numpyMembers.get(name), ourMembers.get(name), name);
        }
        assertArrayEquals(Files.readAllBytes(NpzFixtures.resource("numpy_w.npy")), ourMembers.get("w.npy"));
    }

    @Test
    void writtenMembersAreDeflated() throws IOException {
        Path file = dir.resolve("zeros.npz");
        Npz.write(file, Map.of("zeros", NpyArray.ofDoubles(new double[10_000], 10_000)));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("zeros.npy");
            assertEquals(ZipEntry.DEFLATED, entry.getMethod());
            assertEquals(128 + 80_000, entry.getSize());
        }
        assertEquals(true, Files.size(file) < 2_000, "10000 zeros should deflate to well under 2 kB");
    }

    @Test
    void roundTripKeepsEveryDtypeShapeAndTheOrder() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        NpyTest.everyDtypeAndShape().forEach(array -> arrays.put("a" + (31 - arrays.size()), array));
        arrays.put("caf\u00e9", NpyArray.ofString("non-ASCII key"));
        Path file = dir.resolve("all.npz");
        Npz.write(file, arrays);

        Map<String, NpyArray> read = Npz.read(file);
        assertEquals(new ArrayList<>(arrays.keySet()), new ArrayList<>(read.keySet()));
        assertEquals(arrays, read);
    }

    @Test
    void sameArraysGiveTheSameBytes() throws IOException {
        Path first = dir.resolve("first.npz");
        Path second = dir.resolve("second.npz");
        Npz.write(first, NpzFixtures.arrays());
        Npz.write(second, NpzFixtures.arrays());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void emptyMapGivesAnEmptyArchive() throws IOException {
        Path file = dir.resolve("empty.npz");
        Npz.write(file, Map.of());
        assertEquals(Map.of(), Npz.read(file));
    }

    @Test
    void writeReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("model.npz");
        Npz.write(file, Map.of("epoch", NpyArray.ofLongs(new long[] {1})));
        Npz.write(file, Map.of("epoch", NpyArray.ofLongs(new long[] {2})));
        assertArrayEquals(new long[] {2}, Npz.read(file).get("epoch").asLongs());
        assertEquals(List.of(file), Files.list(dir).toList());
    }

    @Test
    void readResultIsUnmodifiable() throws IOException {
        Map<String, NpyArray> arrays = Npz.read(NpzFixtures.resource("numpy_stored.npz"));
        assertThrows(UnsupportedOperationException.class, () -> arrays.remove("w"));
    }

    @Test
    void requireNamesTheFileTheMissingKeyAndTheKeysPresent() throws IOException {
        Path file = NpzFixtures.resource("numpy_variants.npz");
        Map<String, NpyArray> arrays = Npz.read(file);
        assertEquals(arrays.get("be_f8"), Npz.require(arrays, file, "be_f8"));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.require(arrays, file, "w_rec"));
        assertEquals(file + ": no array 'w_rec' (present: be_f8, be_i4, be_str, fortran)", e.getMessage());
    }

    @Test
    void requireShapeNamesTheFileTheKeyAndBothShapes() throws IOException {
        Path file = NpzFixtures.resource("numpy_variants.npz");
        Map<String, NpyArray> arrays = Npz.read(file);
        assertEquals(arrays.get("be_i4"), Npz.requireShape(arrays, file, "be_i4", 2, 2));
        assertEquals(arrays.get("be_str"), Npz.requireShape(arrays, file, "be_str"));
        NpyFormatException e = assertThrows(NpyFormatException.class,
                () -> Npz.requireShape(arrays, file, "be_i4", 4));
        assertEquals(file + ": array 'be_i4' has shape (2, 2), expected (4,)", e.getMessage());
        assertThrows(NpyFormatException.class, () -> Npz.requireShape(arrays, file, "missing", 4));
    }

    @Test
    void missingFileIsNoSuchFile() {
        Path missing = dir.resolve("missing.npz");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Npz.read(missing));
        assertEquals(missing.toString(), e.getFile());
    }

    @Test
    void nullArraysAreRejectedBeforeAnythingIsWritten() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("w", null);
        Path file = dir.resolve("never.npz");
        NullPointerException e = assertThrows(NullPointerException.class, () -> Npz.write(file, arrays));
        assertEquals("array for key 'w'", e.getMessage());
        assertEquals(false, Files.exists(file));
    }

    /** The raw bytes of every member, in archive order. */
    static Map<String, byte[]> members(Path file) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                members.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return members;
    }

    /** {@code Npy.write} into a byte array. */
    static byte[] npyBytes(NpyArray array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, array);
        return out.toByteArray();
    }
}
