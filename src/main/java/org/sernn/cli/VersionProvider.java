package org.sernn.cli;

import org.sernn.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code sernn --version}. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"sernn " + Version.current()};
    }
}
