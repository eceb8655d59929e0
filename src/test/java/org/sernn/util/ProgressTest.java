package org.sernn.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Plain numbered lines off a terminal, a redrawn bar on one, nothing for a bar-only progress off one. */
class ProgressTest {
    @Test
    void offATerminalEachItemIsOnePlainNumberedLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Progress progress = Progress.of("sweep", 3, false, new PrintStream(err, true, StandardCharsets.UTF_8),
                true)) {
            progress.step("run 0 rate sernn");
            progress.step("run 2 rate l1");
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals("sweep 1/3: run 0 rate sernn\nsweep 2/3: run 2 rate l1\n", text.replace(System.lineSeparator(),
                "\n"));
        assertFalse(text.contains("\r"));
    }

    @Test
    void aBarOnlyProgressPrintsNothingOffATerminal() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Progress progress = Progress.of("epoch 1/2", 4, false, new PrintStream(err, true, StandardCharsets.UTF_8),
                false)) {
            progress.step("loss 1.0");
        }
        assertEquals(0, err.size());
    }

    @Test
    void onATerminalItRedrawsABarWithTheLastMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Progress progress = Progress.of("deploy", 2, true, new PrintStream(err, true, StandardCharsets.UTF_8),
                true)) {
            progress.step("t = 1 s");
            progress.step("t = 10 s");
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\r") && text.contains("deploy") && text.contains("2/2") && text.contains("t = 10 s"),
                text);
        assertFalse(text.contains("deploy 1/2:"), "no plain lines on a terminal: " + text);
    }
}
