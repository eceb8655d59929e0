package org.sernn.cli;

import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile;
import org.sernn.hardware.HardwareProfiles;
import picocli.CommandLine;

/** {@code --profile NAME|FILE} on every verb: a bundled profile's name or a profile YAML file. */
public final class ProfileArgument implements CommandLine.ITypeConverter<HardwareProfile> {
    static final String LABEL = "NAME|FILE";
    static final String HELP = "A hardware profile: a bundled name (loihi, xylo, pcm-crossbar, cpu, ...) or a "
            + "profile YAML file.";

    @Override
    public HardwareProfile convert(String nameOrFile) {
        try {
            return HardwareProfiles.byNameOrFile(nameOrFile);
        } catch (UserError e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
