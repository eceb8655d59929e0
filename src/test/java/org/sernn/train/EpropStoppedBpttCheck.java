package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sernn.model.FeedbackKind;
import org.sernn.model.NeuronParams;
import org.sernn.sim.InputBatch;

/**
 * The comparison of the e-prop equivalence tests: e-prop with symmetric feedback against BPTT with the
 * gradient through the recurrent spikes and the reset stopped (Bellec et al. 2020, Eq. 1), on one
 * batch. Both forward passes must spike alike and give the same losses; the first {@code weightArrays}
 * gradient arrays must be non-trivial and agree to 1e-9 of their largest entry.
 */
final class EpropStoppedBpttCheck {
    private EpropStoppedBpttCheck() {
    }

    /** Runs both, asserts the agreement and returns {bptt, eprop} for further checks. */
    static BatchResult[] assertAgree(NeuronParams neurons, Surrogate surrogate, Params p, InputBatch input,
            int[] labels, double[] mask, double cReg, long seed, int weightArrays) {
        int n = p.nRec;
        BatchResult bptt = new SpikingBptt(neurons, surrogate, false, true, cReg, 10.0).run(p, input, labels, mask);
        Feedback symmetric = new Feedback(FeedbackKind.SYMMETRIC, seed, n, p.nOut, p.wOut);
        BatchResult eprop = new Eprop(neurons, surrogate, symmetric, cReg, 10.0).run(p, input, labels, mask);

        assertEquals(bptt.spikes(), eprop.spikes(), "both forward passes spike alike");
        assertTrue(bptt.spikes() > input.steps() * input.trials() * n * 0.03,
                "enough spikes for the gradient to mean something: " + bptt.spikes());
        assertEquals(bptt.taskLoss(), eprop.taskLoss(), 1e-12 * Math.abs(bptt.taskLoss()));
        assertEquals(bptt.rateLoss(), eprop.rateLoss(), 1e-12 * Math.abs(bptt.rateLoss()));
        double[][] want = bptt.gradients().arrays();
        double[][] got = eprop.gradients().arrays();
        for (int array = 0; array < weightArrays; array++) {
            double scale = 0;
            for (double g : want[array]) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertTrue(scale > 1e-4, Params.NAMES[array] + " gradient is not trivially zero");
            for (int i = 0; i < want[array].length; i++) {
                assertEquals(want[array][i], got[array][i], 1e-9 * scale, Params.NAMES[array] + "[" + i + "]");
            }
        }
        return new BatchResult[] {bptt, eprop};
    }
}
