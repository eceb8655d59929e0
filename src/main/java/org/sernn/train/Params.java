package org.sernn.train;

import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Network;

/**
 * The trainable arrays of a network, row-major and stored (post, pre): w_in (n_rec, n_in),
 * w_rec (n_rec, n_rec), w_out (n_out, n_rec), b_rec, b_out. The same shape holds weights,
 * gradients and optimiser moments. Mutable, for the training loop only.
 */
public final class Params {
    public final int nIn;
    public final int nRec;
    public final int nOut;
    public final double[] wIn;
    public final double[] wRec;
    public final double[] wOut;
    public final double[] bRec;
    public final double[] bOut;

    public Params(int nIn, int nRec, int nOut) {
        this(nIn, nRec, nOut, new double[nRec * nIn], new double[nRec * nRec], new double[nOut * nRec],
                new double[nRec], new double[nOut]);
    }

    private Params(int nIn, int nRec, int nOut, double[] wIn, double[] wRec, double[] wOut, double[] bRec,
            double[] bOut) {
        this.nIn = nIn;
        this.nRec = nRec;
        this.nOut = nOut;
        this.wIn = wIn;
        this.wRec = wRec;
        this.wOut = wOut;
        this.bRec = bRec;
        this.bOut = bOut;
    }

    public static Params of(Network network) {
        return new Params(network.nIn(), network.nRec(), network.nOut(), network.wIn().toArray(),
                network.wRec().toArray(), network.wOut().toArray(), network.bRec(), network.bOut());
    }

    /** A zero-filled array set of the same shapes. */
    public Params zerosLike() {
        return new Params(nIn, nRec, nOut);
    }

    public Params copy() {
        return new Params(nIn, nRec, nOut, wIn.clone(), wRec.clone(), wOut.clone(), bRec.clone(), bOut.clone());
    }

    /** The arrays in a fixed order: w_in, w_rec, w_out, b_rec, b_out. */
    public double[][] arrays() {
        return new double[][] {wIn, wRec, wOut, bRec, bOut};
    }

    public static final String[] NAMES = {"w_in", "w_rec", "w_out", "b_rec", "b_out"};

    /** The network with these weights and everything else from {@code template}. */
    public Network toNetwork(Network template) {
        return new Network(template.config(), template.positions(), template.neurons(),
                DenseMatrix.of(nRec, nIn, wIn), DenseMatrix.of(nRec, nRec, wRec), DenseMatrix.of(nOut, nRec, wOut),
                bRec, bOut);
    }

    /** Sum of squares of every entry (for gradient-norm clipping). */
    public double squaredNorm() {
        double sum = 0;
        for (double[] array : arrays()) {
            for (double value : array) {
                sum += value * value;
            }
        }
        return sum;
    }

    /** Multiplies every entry by {@code factor}. */
    public void scale(double factor) {
        for (double[] array : arrays()) {
            for (int i = 0; i < array.length; i++) {
                array[i] *= factor;
            }
        }
    }

    /** True when every entry is finite. */
    public boolean allFinite() {
        for (double[] array : arrays()) {
            for (double value : array) {
                if (!Double.isFinite(value)) {
                    return false;
                }
            }
        }
        return true;
    }
}
