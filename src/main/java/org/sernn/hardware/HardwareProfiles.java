package org.sernn.hardware;

import java.nio.file.Path;
import org.sernn.io.BundledResources;
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
        String resource = "hardware-profiles/" + name + ".yaml";
        return fromYaml(BundledResources.text(resource), "embedded /" + resource);
    }

    /** Binds and validates a profile; {@code source} names it in error messages. */
    public static HardwareProfile fromYaml(String yaml, String source) {
        HardwareProfile profile = ConfigLoader.bindYaml(yaml, HardwareProfile.class, source);
        ProfileValidator.validate(profile, source);
        return profile;
    }
}
