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

    /**
     * A profile YAML file if {@code nameOrFile} is one, else the bundled profile of that name (loihi,
     * xylo, ...); the one rule every verb's {@code --profile} follows.
     */
    public static HardwareProfile byNameOrFile(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return load(file);
        }
        if (!nameOrFile.matches("[A-Za-z0-9_-]+")) {
            throw new UserError("--profile " + nameOrFile + ": no such file");
        }
        try {
            return bundled(nameOrFile);
        } catch (IllegalStateException e) {
            throw new UserError("--profile " + nameOrFile + ": neither a file nor a bundled profile (the bundled ones "
                    + "are the names in hardware-profiles/, e.g. loihi, xylo, spinnaker)");
        }
    }

    /** Binds and validates a profile; {@code source} names it in error messages. */
    public static HardwareProfile fromYaml(String yaml, String source) {
        HardwareProfile profile = ConfigLoader.bindYaml(yaml, HardwareProfile.class, source);
        ProfileValidator.validate(profile, source);
        return profile;
    }
}
