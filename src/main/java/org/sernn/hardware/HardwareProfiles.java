package org.sernn.hardware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sernn.UserError;
import org.sernn.io.BundledResources;
import org.sernn.io.TextFiles;
import org.sernn.model.ConfigLoader;

/** Reads and validates hardware profiles (hardware-profiles/*.yaml). */
public final class HardwareProfiles {
    /** Every profile shipped in hardware-profiles/ and in the jar (a test keeps this list equal to the directory). */
    public static final List<String> BUNDLED = List.of("arm", "cpu", "cpu-horowitz45", "dynapse2", "gpu", "ideal",
            "loihi", "loihi2", "pcm-aihwkit", "pcm-crossbar", "snn-horowitz45", "spinnaker", "spinnaker2", "truenorth",
            "xylo");

    private HardwareProfiles() {
    }

    /** The bundled profiles of one kind, in name order. */
    public static List<HardwareProfile> bundledOfKind(HardwareProfile.Kind kind) {
        return BUNDLED.stream().map(HardwareProfiles::bundled).filter(p -> p.kind() == kind).toList();
    }

    public static HardwareProfile load(Path file) {
        return fromYaml(TextFiles.readBounded(file, "hardware profile", TextFiles.MAX_CONFIG_BYTES), file.toString());
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
        if (!BUNDLED.contains(nameOrFile)) {
            throw new UserError("--profile " + nameOrFile + ": neither a file nor a bundled profile (bundled: "
                    + String.join(", ", BUNDLED) + ")");
        }
        return bundled(nameOrFile);
    }

    /** Binds and validates a profile; {@code source} names it in error messages. */
    public static HardwareProfile fromYaml(String yaml, String source) {
        HardwareProfile profile = ConfigLoader.bindYaml(yaml, HardwareProfile.class, source);
        ProfileValidator.validate(profile, source);
        return profile;
    }
}
