package org.sernn.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Text files shipped inside the jar: the repository's {@code models/*.yaml} and
 * {@code hardware-profiles/*.yaml}, which the build copies to the same paths on the class path, so
 * that the demo and bundled profile names work from any directory.
 */
public final class BundledResources {
    private BundledResources() {
    }

    /** Whether {@code path} (e.g. {@code hardware-profiles/loihi.yaml}) is bundled. */
    public static boolean exists(String path) {
        return BundledResources.class.getResource("/" + path) != null;
    }

    /** The UTF-8 text of a bundled file; a missing one is a packaging error, not a user's. */
    public static String text(String path) {
        try (InputStream stream = BundledResources.class.getResourceAsStream("/" + path)) {
            if (stream == null) {
                throw new IllegalStateException(path + " is not bundled in the jar");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " could not be read from the jar", e);
        }
    }
}
