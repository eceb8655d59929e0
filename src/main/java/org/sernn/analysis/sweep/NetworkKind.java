package org.sernn.analysis.sweep;

/** The two network kinds a sweep compares; each names the prefix of its example configs in models/. */
public enum NetworkKind {
    /** Rate seRNN as the original (models/rate-*.yaml). */
    RATE("rate"),
    /** Spiking ALIF seRNN (models/alif-*.yaml). */
    SPIKING("alif");

    private final String configPrefix;

    NetworkKind(String configPrefix) {
        this.configPrefix = configPrefix;
    }

    public String configPrefix() {
        return configPrefix;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
