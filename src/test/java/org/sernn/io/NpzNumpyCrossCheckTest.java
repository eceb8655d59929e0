package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads a file written by {@link Npz#write} with the real {@code numpy.load}. Skipped where
 * /usr/bin/python3 with NumPy is not installed; the fixture-based tests cover the format without it.
 */
class NpzNumpyCrossCheckTest {

    private static final String PYTHON = "/usr/bin/python3";

    /** Prints each array as name, dtype, shape and values; checks every CRC with testzip. */
    private static final String LOAD_SCRIPT = String.join("\n",
            "import sys, zipfile",
            "import numpy as np",
            "assert zipfile.ZipFile(sys.argv[1]).testzip() is None",
            "z = np.load(sys.argv[1])",
            "for k in z.files:",
            "    a = z[k]",
            "    v = str(a) if a.dtype.kind == 'U' else a.tolist()",
            "    print(k, a.dtype.str, a.shape, v)",
            "print('config' in z.files and __import__('json').loads(str(z['config']))['name'])");

    @TempDir
    Path dir;

    @Test
    void numpyLoadsWhatNpzWrites() throws IOException, InterruptedException {
        assumeTrue(numpyAvailable(), "no /usr/bin/python3 with numpy");
        Path file = dir.resolve("checkpoint.npz");
        Npz.write(file, NpzFixtures.arrays());

        List<String> lines = run(PYTHON, "-c", LOAD_SCRIPT, file.toString());

        assertEquals(List.of(
                "w <f8 (2, 3) [[0.5, -1.25, 3.0], [1e-300, -0.0, 123456.789]]",
                "f32 <f4 (4,) [1.5, -2.25, inf, nan]",
                "i64 <i8 (4,) [-9223372036854775808, -1, 0, 9223372036854775807]",
                "i32 <i4 (2, 3, 4) [[[-12, -11, -10, -9], [-8, -7, -6, -5], [-4, -3, -2, -1]],"
                        + " [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]]",
                "i8 |i1 (4,) [-128, -1, 0, 127]",
                "u8 |u1 (4,) [0, 1, 128, 255]",
                "mask |b1 (2, 2) [[True, False], [False, True]]",
                "empty <f8 (0, 5) []",
                "epoch <i8 () 7",
                "config <U57 () " + NpzFixtures.CONFIG_JSON,
                "Caf\u00e9 \u2211 \uD834\uDD1E r\u00e9seau"), lines);
    }

    private static boolean numpyAvailable() throws InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", "import numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }
}
