package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A damaged .npz gives an NpyFormatException naming the file, never arrays. */
class NpzCorruptionTest {

    @TempDir
    Path dir;

    /** Our deflated file and NumPy's stored one, cut at every length from 0 to one byte short. */
    @ParameterizedTest
    @ValueSource(strings = {"ours", "numpy_stored.npz"})
    void everyTruncationIsReported(String source) throws IOException {
        byte[] valid = validFile(source);
        Path file = dir.resolve("checkpoint.npz");
        for (int length = 0; length < valid.length; length++) {
            Files.write(file, Arrays.copyOf(valid, length));
            assertFormatError(file, "cut to " + length + " of " + valid.length + " bytes");
        }
    }

    /** Every single-byte change either is caught or lands where it changes nothing (e.g. a timestamp). */
    @ParameterizedTest
    @ValueSource(strings = {"ours", "numpy_stored.npz", "numpy_compressed.npz"})
    void noFlippedByteEverYieldsDifferentArrays(String source) throws IOException {
        byte[] valid = validFile(source);
        Path file = dir.resolve("checkpoint.npz");
        int caught = 0;
        for (int offset = 0; offset < valid.length; offset++) {
            byte[] damaged = valid.clone();
            damaged[offset] ^= (byte) 0xFF;
            Files.write(file, damaged);
            try {
                assertEquals(NpzFixtures.arrays(), Npz.read(file), "flipped byte " + offset);
            } catch (NpyFormatException e) {
                assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                caught++;
            }
        }
        assertTrue(caught > valid.length / 2, caught + " of " + valid.length + " flips caught");
    }

    @Test
    void flippedByteInStoredDataIsACrcMismatchOfThatMember() throws IOException {
        byte[] valid = Files.readAllBytes(NpzFixtures.resource("numpy_stored.npz"));
        byte[] wData = Arrays.copyOfRange(NpzTest.npyBytes(NpzFixtures.arrays().get("w")), 128, 128 + 48);
        int offset = indexOf(valid, wData) + 20;
        valid[offset] ^= 0x01;
        Path file = dir.resolve("checkpoint.npz");
        Files.write(file, valid);
        NpyFormatException e = assertFormatError(file, "flipped bit in w's data");
        assertTrue(e.getMessage().startsWith(file + ": member w.npy: CRC mismatch"), e.getMessage());
    }

    @Test
    void flippedByteInDeflatedDataIsReportedForThatMember() throws IOException {
        Path file = dir.resolve("checkpoint.npz");
        Npz.write(file, NpzFixtures.arrays());
        long compressedSize;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            compressedSize = zip.getEntry("w.npy").getCompressedSize();
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer localHeader = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int dataStart = 30 + localHeader.getShort(26) + localHeader.getShort(28);
        bytes[dataStart + (int) compressedSize / 2] ^= 0x10;
        Files.write(file, bytes);
        NpyFormatException e = assertFormatError(file, "flipped bit in w's deflated data");
        assertTrue(e.getMessage().startsWith(file + ": member w.npy: "), e.getMessage());
    }

    @Test
    void aFileThatIsNotAZipIsReported() throws IOException {
        Path file = dir.resolve("model.npz");
        Files.writeString(file, "w_in: [[1, 2], [3, 4]]\n");
        NpyFormatException e = assertFormatError(file, "text file");
        assertTrue(e.getMessage().startsWith(file + ": not a valid .npz (zip) archive"), e.getMessage());
    }

    @Test
    void anEmptyFileIsReported() throws IOException {
        Path file = dir.resolve("model.npz");
        Files.write(file, new byte[0]);
        assertFormatError(file, "empty file");
    }

    @Test
    void aPlainNpyFileIsNotAnNpz() throws IOException {
        Path file = dir.resolve("model.npz");
        Files.copy(NpzFixtures.resource("numpy_w.npy"), file);
        assertFormatError(file, ".npy file given as .npz");
    }

    /** A zip whose CRCs are right but whose w_rec.npy holds fewer bytes than its header announces. */
    @Test
    void shortDataInsideAValidZipNamesTheMemberAndBothSizes() throws IOException {
        byte[] full = NpzTest.npyBytes(NpyArray.ofDoubles(new double[100 * 100], 100, 100));
        Path file = dir.resolve("checkpoint.npz");
        writeZip(file, Map.of("w_rec.npy", Arrays.copyOf(full, 128 + 4096)));
        NpyFormatException e = assertFormatError(file, "short member");
        assertEquals(file + ": member w_rec.npy: header says shape (100, 100) float64 = 80000 bytes but only 4096 are present",
                e.getMessage());
    }

    @Test
    void aMemberThatIsNotAnArrayIsReported() throws IOException {
        Path file = dir.resolve("checkpoint.npz");
        writeZip(file, Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        NpyFormatException e = assertFormatError(file, "text member");
        assertEquals(file + ": member notes.txt: not a .npy array", e.getMessage());

        writeZip(file, Map.of("w.npy", "hello".getBytes(StandardCharsets.UTF_8)));
        e = assertFormatError(file, "text member named .npy");
        assertEquals(file + ": member w.npy: not an NPY array: it does not start with \\x93NUMPY", e.getMessage());
    }

    @Test
    void oneBadMemberAfterGoodOnesStillFailsTheWholeRead() throws IOException {
        Path file = dir.resolve("checkpoint.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            putMember(zip, "w_in.npy", NpzTest.npyBytes(NpyArray.ofDoubles(new double[] {1, 2}, 2)));
            putMember(zip, "w_rec.npy", NpzTest.npyBytes(NpyArray.ofDoubles(new double[] {1, 2}, 2)));
            byte[] bad = NpzTest.npyBytes(NpyArray.ofDoubles(new double[] {1, 2}, 2));
            putMember(zip, "w_out.npy", Arrays.copyOf(bad, bad.length - 1));
        }
        NpyFormatException e = assertFormatError(file, "last member short");
        assertTrue(e.getMessage().startsWith(file + ": member w_out.npy: header says shape (2,) float64 = 16 bytes but only 15"),
                e.getMessage());
    }

    private byte[] validFile(String source) throws IOException {
        if (source.equals("ours")) {
            Path file = dir.resolve("valid.npz");
            Npz.write(file, NpzFixtures.arrays());
            return Files.readAllBytes(file);
        }
        return Files.readAllBytes(NpzFixtures.resource(source));
    }

    private static NpyFormatException assertFormatError(Path file, String what) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(file), what);
        assertTrue(e.getMessage().startsWith(file + ": "), what + ": " + e.getMessage());
        return e;
    }

    private static void writeZip(Path file, Map<String, byte[]> members) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                putMember(zip, member.getKey(), member.getValue());
            }
        }
    }

    private static void putMember(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }
}
