package org.sernn.train;

import java.util.Arrays;

import org.sernn.model.Network;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;

/**
 * Accuracy of a network on labelled inputs, run on the dense engine: a trial's prediction is the
 * argmax of the readout summed over the loss window (as in {@link ReadoutLoss}).
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Predicted class of each trial. */
    public static int[] predictions(Recording recording, double[] lossMask) {
        int[] predicted = new int[recording.trials()];
        double[] evidence = new double[recording.nOut()];
        for (int b = 0; b < recording.trials(); b++) {
            Arrays.fill(evidence, 0.0);
            for (int t = 0; t < recording.steps(); t++) {
                if (lossMask[t] != 0.0) {
                    for (int o = 0; o < recording.nOut(); o++) {
                        evidence[o] += lossMask[t] * recording.readout(b, t, o);
                    }
                }
            }
            int best = 0;
            for (int o = 1; o < evidence.length; o++) {
                if (evidence[o] > evidence[best]) {
                    best = o;
                }
            }
            predicted[b] = best;
        }
        return predicted;
    }

    public static double accuracy(Network network, InputBatch input, int[] labels, double[] lossMask) {
        return accuracy(new DenseSimulator().run(network, input, RecordOptions.SPIKES_ONLY), labels, lossMask);
    }

    /** Fraction of trials of a recording whose prediction matches the label. */
    public static double accuracy(Recording recording, int[] labels, double[] lossMask) {
        int[] predicted = predictions(recording, lossMask);
        int correct = 0;
        for (int b = 0; b < labels.length; b++) {
            correct += predicted[b] == labels[b] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }
}
