package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.cli.CliRunner.Result;
import org.sernn.io.Npy;
import org.sernn.io.NpyArray;
import org.sernn.io.NpyFormatException;
import org.sernn.io.Npz;
import org.sernn.model.ModelSource;
import org.sernn.model.NetworkCheckpoint;

/** npz members are inflated only when used, and never past the size their header declares. */
class NpzBoundsTest {
    @TempDir
    Path dir;

    private static byte[] npy(NpyArray array) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Npy.write(bytes, array);
        return bytes.toByteArray();
    }

    /** A checkpoint of the small test model with one member added or replaced by these bytes, stored or deflated. */
    private Path checkpointWith(String member, byte[] bytes, boolean stored) throws IOException {
        Path file = dir.resolve("model.npz");
        Map<String, NpyArray> arrays = NetworkCheckpoint.arrays(ModelSource.load(Files.writeString(
                dir.resolve("m.yaml"), HostileInputTest.SMALL)), Map.of());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, NpyArray> array : arrays.entrySet()) {
                if (member.equals(array.getKey() + ".npy")) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(array.getKey() + ".npy"));
                zip.write(npy(array.getValue()));
                zip.closeEntry();
            }
            ZipEntry extra = new ZipEntry(member);
            if (stored) {
                CRC32 crc = new CRC32();
                crc.update(bytes);
                extra.setMethod(ZipEntry.STORED);
                extra.setSize(bytes.length);
                extra.setCrc(crc.getValue());
            }
            zip.putNextEntry(extra);
            zip.write(bytes);
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void aMemberThatInflatesPastItsDeclaredShapeIsRefused() throws IOException {
        byte[] header = npy(NpyArray.ofDoubles(new double[2], 2));
        byte[] bomb = Arrays.copyOf(header, header.length + (32 << 20));
        Path file = checkpointWith("w_rec.npy", bomb, false);
        NpyFormatException refused = assertThrows(NpyFormatException.class, () -> Npz.read(file));
        assertTrue(refused.getMessage().contains("member w_rec.npy: inflates past the " + header.length + " bytes"),
                refused.getMessage());
    }

    @Test
    void anUnusedMemberIsNeverInflatedWhileUsedOnesAreCheckedWhole() throws IOException {
        byte[] junk = npy(NpyArray.ofDoubles(new double[4096], 4096));
        Path file = checkpointWith("junk.npy", junk, true);
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, junk);
        bytes[at + junk.length - 1] ^= 1;
        Files.write(file, bytes);

        assertThrows(NpyFormatException.class, () -> Npz.read(file), "reading every member finds the damage");
        Result simulated = CliRunner.run("simulate", file.toString(), "--out", dir.resolve("sim").toString());
        assertEquals(0, simulated.exitCode(), "the damaged member is not one the network uses: " + simulated.err());
        assertEquals(NetworkCheckpoint.read(file), ModelSource.load(dir.resolve("m.yaml")));

        byte[] wOut = npy(NetworkCheckpoint.readArrays(file).get("w_out"));
        Path usedDamaged = checkpointWith("w_out.npy", wOut, true);
        bytes = Files.readAllBytes(usedDamaged);
        bytes[indexOf(bytes, wOut) + wOut.length - 1] ^= 1;
        Files.write(usedDamaged, bytes);
        Refusals.assertRefused(CliRunner.run("simulate", usedDamaged.toString(), "--out", dir.resolve("s2").toString()),
                "model.npz", "w_out", "CRC");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("member data not found");
    }
}
