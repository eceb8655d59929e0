package org.sernn.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.sernn.UserError;
import org.sernn.io.BundledResources;
import org.sernn.model.ConfigLoader;

/** Reads and validates hardware profiles (hardware-profiles/*.yaml). */
public final class HardwareProfiles {
    private HardwareProfiles() {
    }

    public static HardwareProfile load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": hardware profile not found");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read hardware profile: " + e.getMessage());
        }
        return fromYaml(text, file.toString());
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
