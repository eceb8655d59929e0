package org.sernn;

/** The sernn version, from the jar manifest ("dev" when run from classes); every report records it. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
