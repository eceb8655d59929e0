package org.sernn.analysis.sweep;

import java.util.Locale;
import org.sernn.model.RegulariserKind;

/** One network of a sweep: its kind, regulariser, strength and seed; {@link #directoryName()} is its folder. */
public record SweepRun(NetworkKind network, RegulariserKind regulariser, double lambda, long seed) {

    public String directoryName() {
        return String.format(Locale.ROOT, "%s-%s-%.4g-s%d", network.label(), regulariser.name().toLowerCase(Locale.ROOT),
                lambda, seed);
    }
}
