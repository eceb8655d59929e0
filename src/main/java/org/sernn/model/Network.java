package org.sernn.model;

import java.util.Arrays;
import org.sernn.linalg.DenseMatrix;
import org.sernn.linalg.WeightMatrix;
import org.sernn.space.Positions;

/**
 * An immutable network: weights stored (post, pre) as in PyTorch and NIR, unit positions and
 * per-unit parameters, plus the config it came from. Spiking networks built from a config have no
 * self-connections ({@link NetworkFactory}; training leaves the diagonal unchanged); a network
 * imported from another tool (NIR) may keep its own, which the engines run like any other weight.
 *
 * <p>The recurrent weights are held dense or sparse ({@link WeightMatrix}): a network drawn with a
 * low connection probability, or read from a checkpoint whose w_rec is sparse, keeps them sparse, so
 * the event engine builds its synapse lists without a dense pass; {@link #wRec()} gives the dense
 * form to every other consumer (built once, on first use).
 *
 * @param wIn  (n_rec, n_in)
 * @param recurrentWeights w_rec, (n_rec, n_rec)
 * @param wOut (n_out, n_rec)
 * @param bRec (n_rec) bias of the recurrent units
 * @param bOut (n_out) bias of the readout
 */
public record Network(ModelConfig config, Positions positions, NeuronParams neurons, DenseMatrix wIn,
        WeightMatrix recurrentWeights, DenseMatrix wOut, double[] bRec, double[] bOut) {

    public Network {
        int nRec = neurons.size();
        requireShape("w_in", wIn.rows(), wIn.cols(), nRec, wIn.cols());
        requireShape("w_rec", recurrentWeights.rows(), recurrentWeights.cols(), nRec, nRec);
        requireShape("w_out", wOut.rows(), wOut.cols(), wOut.rows(), nRec);
        if (positions.size() != nRec) {
            throw new IllegalArgumentException("positions has " + positions.size() + " rows, expected " + nRec);
        }
        if (bRec.length != nRec || bOut.length != wOut.rows()) {
            throw new IllegalArgumentException("b_rec needs " + nRec + " and b_out " + wOut.rows() + " entries");
        }
        bRec = bRec.clone();
        bOut = bOut.clone();
    }

    /** A network whose recurrent weights are held dense. */
    public Network(ModelConfig config, Positions positions, NeuronParams neurons, DenseMatrix wIn, DenseMatrix wRec,
            DenseMatrix wOut, double[] bRec, double[] bOut) {
        this(config, positions, neurons, wIn, WeightMatrix.of(wRec), wOut, bRec, bOut);
    }

    private static void requireShape(String name, int rows, int cols, int expectedRows, int expectedCols) {
        if (rows != expectedRows || cols != expectedCols) {
            throw new IllegalArgumentException(name + " has shape (" + rows + ", " + cols + "), expected ("
                    + expectedRows + ", " + expectedCols + ")");
        }
    }

    /** w_rec (n_rec, n_rec) dense, built from the sparse form on the first call if held sparse. */
    public DenseMatrix wRec() {
        return recurrentWeights.asDense();
    }

    public int nIn() {
        return wIn.cols();
    }

    public int nRec() {
        return recurrentWeights.rows();
    }

    public int nOut() {
        return wOut.rows();
    }

    @Override
    public double[] bRec() {
        return bRec.clone();
    }

    @Override
    public double[] bOut() {
        return bOut.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Network n && n.config.equals(config) && n.positions.equals(positions)
                && n.neurons.equals(neurons) && n.wIn.equals(wIn)
                && n.recurrentWeights.equals(recurrentWeights) && n.wOut.equals(wOut)
                && Arrays.equals(n.bRec, bRec) && Arrays.equals(n.bOut, bOut);
    }

    @Override
    public int hashCode() {
        return recurrentWeights.hashCode();
    }
}
