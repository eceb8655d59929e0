package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.sernn.cli.CliRunner.Result;

/** The promise for bad input (docs/reliability.md): exit 2, one line on stderr, no stack trace. */
final class Refusals {
    private Refusals() {
    }

    /** Runs {@code args} and checks that they were refused in one line mentioning every part. */
    static String assertRefused(String[] args, String... parts) {
        Result result = CliRunner.run(args);
        return assertRefused(result, parts);
    }

    static String assertRefused(Result result, String... parts) {
        String err = result.err();
        assertEquals(Main.USER_ERROR, result.exitCode(), err);
        assertOneLine(err);
        for (String part : parts) {
            assertTrue(err.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)),
                    "'" + err.strip() + "' should mention '" + part + "'");
        }
        return err.strip();
    }

    static void assertOneLine(String err) {
        String line = err.strip();
        assertTrue(line.startsWith("sernn: "), err);
        assertFalse(line.contains("\n"), "one line, was:\n" + err);
        assertFalse(line.contains("Exception") || line.contains("\tat ") || line.contains("Error:"), err);
    }

    static String[] args(String... args) {
        return args;
    }
}
