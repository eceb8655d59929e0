package org.sernn.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.sernn.io.TextFiles;
import org.sernn.model.ConfigLoader;

/** Reads and validates hardware profiles (hardware-profiles/*.yaml). */
public final class HardwareProfiles {
    private HardwareProfiles() {
    }

    public static HardwareProfile load(Path file) {
        return fromYaml(TextFiles.readBounded(file, "hardware profile", TextFiles.MAX_CONFIG_BYTES), file.toString());
    }

    /** A profile shipped in the jar (hardware-profiles/NAME.yaml), for the demo. */
    public static HardwareProfile bundled(String name) {
        String resource = "/hardware-profiles/" + name + ".yaml";
        try (InputStream stream = HardwareProfiles.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException(resource + " is not bundled in the jar");
            }
            return fromYaml(new String(stream.readAllBytes(), StandardCharsets.UTF_8), "embedded " + resource);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " could not be read", e);
        }
    }

    /** Binds and validates a profile; {@code source} names it in error messages. */
    public static HardwareProfile fromYaml(String yaml, String source) {
        HardwareProfile profile = ConfigLoader.bindYaml(yaml, HardwareProfile.class, source);
        ProfileValidator.validate(profile, source);
        return profile;
    }
}
