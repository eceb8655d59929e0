package org.sernn.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Small files with one job: no Java source of the project or its benchmarks is over 400 lines. */
class SourceSizeTest {
    private static final int MAX_LINES = 400;

    @Test
    void noSourceFileIsOverTheLimit() throws IOException {
        Map<String, Integer> tooLong = new TreeMap<>();
        int files = 0;
        for (Path root : List.of(Path.of("src"), Path.of("benchmarks", "src"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    int lines = Files.readAllLines(file).size();
                    files++;
                    if (lines > MAX_LINES) {
                        tooLong.put(file.toString(), lines);
                    }
                }
            }
        }
        assertTrue(files > 100, "found " + files + " Java files; run from the repository root");
        assertEquals(Map.of(), tooLong, "files over " + MAX_LINES + " lines");
    }
}
