package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every config and hardware profile of the repository ships in the jar, byte for byte. */
class BundledResourcesTest {
    @Test
    void everyRepositoryConfigAndProfileIsBundledUnchanged() throws IOException {
        int checked = 0;
        for (String folder : List.of("models", "hardware-profiles")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    String resource = folder + "/" + file.getFileName();
                    assertTrue(BundledResources.exists(resource), resource);
                    assertEquals(Files.readString(file), BundledResources.text(resource), resource);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 6, "configs and profiles found: " + checked);
    }

    @Test
    void missingResourceIsAPackagingError() {
        assertFalse(BundledResources.exists("models/no-such-model.yaml"));
        assertEquals("models/no-such-model.yaml is not bundled in the jar", assertThrows(IllegalStateException.class,
                () -> BundledResources.text("models/no-such-model.yaml")).getMessage());
    }
}
