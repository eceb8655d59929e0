package org.sernn.train;

import java.util.function.Consumer;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.SpikingModel;

/**
 * The trainable arrays of a network, row-major and stored (post, pre): w_in (n_rec, n_in),
 * w_rec (n_rec, n_rec), w_out (n_out, n_rec), b_rec, b_out, and the per-unit parameters that the
 * neuron model learns ({@link SpikingModel#trainableValues}, parameter k of unit j at k n_rec + j;
 * empty for models that learn none). The same shape holds weights, gradients and optimiser
 * moments. Mutable, for the training loop only.
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
    /** The neuron model's trainable per-unit parameters (empty when it has none). */
    public final double[] neuron;
    /** Puts {@link #neuron} back into its allowed ranges (the model's {@link SpikingModel#clampTrainable}). */
    private final Consumer<double[]> neuronClamp;

    public Params(int nIn, int nRec, int nOut) {
        this(nIn, nRec, nOut, 0);
    }

    /** Zeros, with room for {@code neuronValues} per-unit parameter values. */
    public Params(int nIn, int nRec, int nOut, int neuronValues) {
        this(nIn, nRec, nOut, new double[nRec * nIn], new double[nRec * nRec], new double[nOut * nRec],
                new double[nRec], new double[nOut], new double[neuronValues], values -> { });
    }

    private Params(int nIn, int nRec, int nOut, double[] wIn, double[] wRec, double[] wOut, double[] bRec,
            double[] bOut, double[] neuron, Consumer<double[]> neuronClamp) {
        this.nIn = nIn;
        this.nRec = nRec;
        this.nOut = nOut;
        this.wIn = wIn;
        this.wRec = wRec;
        this.wOut = wOut;
        this.bRec = bRec;
        this.bOut = bOut;
        this.neuron = neuron;
        this.neuronClamp = neuronClamp;
    }

    public static Params of(Network network) {
        SpikingModel<?, ?> model = network.neurons().type().isSpiking() ? NeuronModels.spiking(network.neurons())
                : null;
        double[] neuron = model != null ? model.trainableValues() : new double[0];
        Consumer<double[]> clamp = model != null ? model::clampTrainable : values -> { };
        return new Params(network.nIn(), network.nRec(), network.nOut(), network.wIn().toArray(),
                network.wRec().toArray(), network.wOut().toArray(), network.bRec(), network.bOut(), neuron, clamp);
    }

    /** A zero-filled array set of the same shapes. */
    public Params zerosLike() {
        return new Params(nIn, nRec, nOut, new double[nRec * nIn], new double[nRec * nRec], new double[nOut * nRec],
                new double[nRec], new double[nOut], new double[neuron.length], neuronClamp);
    }

    public Params copy() {
        return new Params(nIn, nRec, nOut, wIn.clone(), wRec.clone(), wOut.clone(), bRec.clone(), bOut.clone(),
                neuron.clone(), neuronClamp);
    }

    /** Clamps the neuron model's per-unit parameters into their ranges, in place (after an optimiser step). */
    public void clampNeuron() {
        if (neuron.length > 0) {
            neuronClamp.accept(neuron);
        }
    }

    /**
     * The arrays in a fixed order: w_in, w_rec, w_out, b_rec, b_out, then the neuron model's
     * per-unit parameters when it has any; {@link #NAMES} names them.
     */
    public double[][] arrays() {
        return neuron.length == 0 ? new double[][] {wIn, wRec, wOut, bRec, bOut}
                : new double[][] {wIn, wRec, wOut, bRec, bOut, neuron};
    }

    public static final String[] NAMES = {"w_in", "w_rec", "w_out", "b_rec", "b_out", "neuron"};

    /**
     * The network with these weights (and per-unit parameters, which the neuron model clamps into
     * their ranges) and everything else from {@code template}.
     */
    public Network toNetwork(Network template) {
        NeuronParams neurons = neuron.length == 0 ? template.neurons()
                : NeuronModels.spiking(template.neurons()).withTrainableValues(neuron);
        return new Network(template.config(), template.positions(), neurons,
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
