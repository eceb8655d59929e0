package org.sernn.cli;

import static org.sernn.cli.Refusals.assertRefused;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every verb checks its --out before it does any work (issue 16, item 3). */
class OutputPathsTest {
    private static final String MODEL = "models/alif-sernn.yaml";

    @TempDir
    Path dir;

    /** Each verb's arguments before --out, and whether --out names a folder (else a file). */
    static Stream<Arguments> verbs() {
        return Stream.of(
                Arguments.of(List.of("simulate", MODEL), true),
                Arguments.of(List.of("train", MODEL), true),
                Arguments.of(List.of("grad", MODEL), false),
                Arguments.of(List.of("deploy", MODEL, "--profile", "hardware-profiles/loihi.yaml"), true),
                Arguments.of(List.of("analyze", MODEL), true),
                Arguments.of(List.of("compare", MODEL, MODEL), true),
                Arguments.of(List.of("train-onchip", MODEL, "--profile", "hardware-profiles/pcm-crossbar.yaml",
                        "--scheme", "sign"), true),
                Arguments.of(List.of("energy-compare", MODEL, MODEL), true),
                Arguments.of(List.of("export", MODEL, "--format", "npz"), false),
                Arguments.of(List.of("sweep", "--no-train"), true),
                Arguments.of(List.of("demo"), true));
    }

    /**
     * A folder even root cannot write into (the immutable attribute), as a read-only folder is for a
     * user; verbs that once failed there with AccessDeniedException after their work.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void anUnwritableFolderIsRefusedUpFront(List<String> verb, boolean folder) throws Exception {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Assumptions.assumeTrue(new ProcessBuilder("chattr", "+i", locked.toString()).start().waitFor() == 0,
                "chattr +i is available (root on ext4)");
        try {
            assertRefused(with(verb, locked.resolve(folder ? "run" : "g.npz").toString()), "--out", "locked",
                    "not writable");
        } finally {
            new ProcessBuilder("chattr", "-i", locked.toString()).start().waitFor();
        }
    }

    private static String[] with(List<String> verb, String out) {
        List<String> args = new ArrayList<>(verb);
        args.add("--out");
        args.add(out);
        return args.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void aBadOutIsRefusedUpFront(List<String> verb, boolean folder) throws IOException {
        Path file = Files.writeString(dir.resolve("taken.txt"), "a file");
        Path folderPath = Files.createDirectories(dir.resolve("taken"));
        assertRefused(with(verb, ""), "--out", "empty");
        assertRefused(with(verb, "/proc/x"), "--out", "/proc/x", "kernel file system");
        assertRefused(with(verb, file.resolve("below").toString()), "--out", "taken.txt", "is a file");
        if (folder) {
            assertRefused(with(verb, file.toString()), "--out", "taken.txt", "expected a folder");
        } else {
            assertRefused(with(verb, folderPath.toString()), "--out", "taken", "is a folder");
        }
        try (Stream<Path> left = Files.list(dir)) {
            org.junit.jupiter.api.Assertions.assertEquals(2, left.count(), "nothing was written");
        }
    }
}
