package org.sernn.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sernn.model.NeuronParams;

/** Firing rates from a recording: overall and per population (LIF, ALIF, excitatory, inhibitory). */
public final class ActivityStats {
    private ActivityStats() {
    }

    /** Mean firing rate in Hz over all units, trials and steps. */
    public static double meanRateHz(Recording recording, double dtMs) {
        double unitSeconds = (double) recording.nRec() * recording.trials() * recording.steps() * dtMs / 1000.0;
        return recording.spikes().count() / unitSeconds;
    }

    /** Mean rate in Hz of each non-empty population, keyed lif, alif, excitatory, inhibitory. */
    public static Map<String, Double> populationRatesHz(Recording recording, NeuronParams params, boolean daleLaw) {
        long[] perUnit = recording.spikes().countsPerUnit();
        boolean[] excitatory = params.excitatory();
        double seconds = recording.trials() * recording.steps() * params.dtMs() / 1000.0;
        long[] spikes = new long[4];
        long[] units = new long[4];
        for (int unit = 0; unit < perUnit.length; unit++) {
            int kind = params.isAdaptive(unit) ? 1 : 0;
            int sign = excitatory[unit] ? 2 : 3;
            spikes[kind] += perUnit[unit];
            units[kind]++;
            if (daleLaw) {   // without Dale's law no unit is excitatory or inhibitory
                spikes[sign] += perUnit[unit];
                units[sign]++;
            }
        }
        String[] names = {"lif", "alif", "excitatory", "inhibitory"};
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int k = 0; k < names.length; k++) {
            if (units[k] > 0) {
                rates.put(names[k], spikes[k] / (units[k] * seconds));
            }
        }
        return rates;
    }
}
