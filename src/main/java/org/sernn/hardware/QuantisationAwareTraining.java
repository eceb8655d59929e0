package org.sernn.hardware;

import org.sernn.UserError;
import org.sernn.train.Params;
import org.sernn.train.WeightTransform;

/**
 * Quantisation-aware training for a digital profile: the forward pass uses the weights quantised
 * as the profile would (round to nearest, so that a batch's loss is deterministic), the gradient
 * at those weights updates the float weights unchanged (straight-through estimator; Bengio et al.
 * 2013, as in Loihi/lava-dl and Rockpool quantisation-aware training). Biases stay float.
 */
public final class QuantisationAwareTraining implements WeightTransform {
    private final WeightQuantiser quantiser;

    public QuantisationAwareTraining(HardwareProfile profile) {
        if (profile.weights() == null) {
            throw new UserError("profile " + profile.name() + " has no weights section (no weight quantisation) to "
                    + "train for");
        }
        HardwareProfile.WeightPrecision p = profile.weights();
        this.quantiser = new WeightQuantiser(new HardwareProfile.WeightPrecision(p.bits(), p.granularity(),
                HardwareProfile.Rounding.NEAREST));
    }

    @Override
    public Params forward(Params params) {
        Params q = params.copy();
        System.arraycopy(quantiser.quantise(params.wIn, params.nRec, params.nIn, null), 0, q.wIn, 0, q.wIn.length);
        System.arraycopy(quantiser.quantise(params.wRec, params.nRec, params.nRec, null), 0, q.wRec, 0,
                q.wRec.length);
        System.arraycopy(quantiser.quantise(params.wOut, params.nOut, params.nRec, null), 0, q.wOut, 0,
                q.wOut.length);
        return q;
    }
}
