package org.sernn.train;

import java.util.SplittableRandom;
import org.sernn.model.FeedbackKind;
import org.sernn.train.TrainingSeeds.Purpose;

/**
 * The feedback matrix B (n_rec, n_out) of e-prop's learning signal L_j = sum_k B_jk err_k (Bellec
 * et al., Nat. Commun. 11:3625, 2020):
 * <ul>
 * <li>symmetric: B = W_out^T, the current readout weights;</li>
 * <li>random: B_0 with entries N(0, 1), drawn from the config seed (stream {@link Purpose#FEEDBACK}),
 *     fixed for the whole run;</li>
 * <li>adaptive: B = B_0 + (W_out - W_out^init)^T, i.e. B starts random and receives every update of
 *     W_out^T (Bellec et al. 2020, Methods, "adaptive e-prop", without their weight decay, which this
 *     trainer does not apply to W_out either).</li>
 * </ul>
 * B is a function of the seed, the initial and the current W_out, so nothing needs storing and a
 * resumed run is bit-identical.
 */
final class Feedback {
    private final FeedbackKind kind;
    private final int nRec;
    private final int nOut;
    private final double[] random;
    private final double[] initialWOut;

    /** @param initialWOut W_out (n_out, n_rec) at initialisation, the reference of adaptive feedback */
    Feedback(FeedbackKind kind, long seed, int nRec, int nOut, double[] initialWOut) {
        this.kind = kind;
        this.nRec = nRec;
        this.nOut = nOut;
        this.initialWOut = initialWOut.clone();
        this.random = new double[nRec * nOut];
        SplittableRandom draw = TrainingSeeds.stream(seed, 0, 0, Purpose.FEEDBACK);
        for (int i = 0; i < random.length; i++) {
            random[i] = draw.nextGaussian();
        }
    }

    /** B (n_rec, n_out) row-major, written into {@code out}, for the readout weights {@code wOut} (n_out, n_rec). */
    void matrix(double[] wOut, double[] out) {
        for (int j = 0; j < nRec; j++) {
            for (int k = 0; k < nOut; k++) {
                int pre = k * nRec + j; // W_out is (post = k, pre = j): its transpose is (j, k)
                out[j * nOut + k] = switch (kind) {
                    case SYMMETRIC -> wOut[pre];
                    case RANDOM -> random[j * nOut + k];
                    case ADAPTIVE -> random[j * nOut + k] + (wOut[pre] - initialWOut[pre]);
                };
            }
        }
    }
}
