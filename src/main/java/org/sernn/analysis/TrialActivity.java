package org.sernn.analysis;

import org.sernn.sim.Recording;
import org.sernn.sim.SpikeRaster;

/**
 * Activity of each unit in each trial over a window of simulation steps: the firing rate in Hz of
 * spiking units (spike count / window duration) or the mean activation h of rate units (which needs
 * a recording with states).
 */
public final class TrialActivity {
    private TrialActivity() {
    }

    /** activity[trial][unit] averaged over steps [fromStep, toStep). */
    public static double[][] window(Recording recording, boolean spiking, double dtMs, int fromStep, int toStep) {
        if (fromStep < 0 || toStep > recording.steps() || toStep <= fromStep) {
            throw new IllegalArgumentException("activity window [" + fromStep + ", " + toStep + ") outside 0.."
                    + recording.steps());
        }
        int trials = recording.trials();
        int n = recording.nRec();
        double[][] activity = new double[trials][n];
        int length = toStep - fromStep;
        if (spiking) {
            SpikeRaster raster = recording.spikes();
            double seconds = length * dtMs / 1000.0;
            for (int trial = 0; trial < trials; trial++) {
                int from = raster.trialStart()[trial];
                int to = from + raster.countInTrial(trial);
                for (int k = from; k < to; k++) {
                    int step = raster.step()[k];
                    if (step >= fromStep && step < toStep) {
                        activity[trial][raster.unit()[k]] += 1.0 / seconds;
                    }
                }
            }
            return activity;
        }
        double[] h = recording.activation();
        if (h == null) {
            throw new IllegalArgumentException("rate activity needs a recording with states (RecordOptions.WITH_STATES)");
        }
        for (int trial = 0; trial < trials; trial++) {
            for (int step = fromStep; step < toStep; step++) {
                int offset = (trial * recording.steps() + step) * n;
                for (int unit = 0; unit < n; unit++) {
                    activity[trial][unit] += h[offset + unit] / length;
                }
            }
        }
        return activity;
    }

    /** Column {@code unit} of activity[trial][unit]. */
    public static double[] unit(double[][] activity, int unit) {
        double[] values = new double[activity.length];
        for (int trial = 0; trial < activity.length; trial++) {
            values[trial] = activity[trial][unit];
        }
        return values;
    }
}
