package org.sernn.cli;

import picocli.CommandLine.IVersionProvider;

/** The sernn version, from the jar manifest (falls back to "dev" when run from classes). */
public final class Version implements IVersionProvider {
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"sernn " + current()};
    }
}
