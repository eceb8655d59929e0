package org.sernn.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.io.NpyArray;
import org.sernn.io.NpyFormatException;
import org.sernn.io.Npz;
import org.sernn.linalg.DenseMatrix;
import org.sernn.linalg.WeightMatrix;
import org.sernn.space.Positions;

/**
 * A network as a NumPy {@code .npz} (docs/formats.md, "Checkpoint"): {@code w_in} (n_rec, n_in),
 * {@code w_rec} (n_rec, n_rec), {@code w_out} (n_out, n_rec), {@code b_rec}, {@code b_out},
 * {@code positions} (n_rec, 3), per-unit {@code tau_m_ms}, {@code tau_a_ms}, {@code beta},
 * {@code v_th}, {@code n_ref}, {@code excitatory}, and {@code config} (the model config as a JSON
 * string); {@code alpha_syn} (per-unit synaptic decay) only when some unit has a current-based synapse,
 * and absent means none; a model's own per-unit parameters ({@link NeuronType#extraParameters}) under
 * their keys. Neuron parameters pass the ranges of {@link NeuronParams.Builder#build}. Further arrays (training state) ride along under their own keys. Written atomically;
 * read whole and validated before anything is returned. A sparse w_rec is held sparse
 * ({@link WeightMatrix#ofRowMajor}), so the event engine builds its lists without a dense pass.
 */
public final class NetworkCheckpoint {
    public static final String FORMAT_VERSION = "sernn-checkpoint-1";
    private static final String ALPHA_SYN = "alpha_syn";
    /** The readout's time constant as the network runs it (a deployment may quantise the config's). */
    private static final String TAU_OUT = "tau_out_ms";

    private NetworkCheckpoint() {
    }

    /** The arrays of a checkpoint: the network's own, then {@code extra} in its order. */
    public static Map<String, NpyArray> arrays(Network network, Map<String, NpyArray> extra) {
        NeuronParams p = network.neurons();
        int n = network.nRec();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("format", NpyArray.ofString(FORMAT_VERSION));
        arrays.put("config", NpyArray.ofString(ConfigLoader.toJson(network.config())));
        arrays.put("w_in", matrix(network.wIn()));
        arrays.put("w_rec", matrix(network.wRec()));
        arrays.put("w_out", matrix(network.wOut()));
        arrays.put("b_rec", NpyArray.ofDoubles(network.bRec(), n));
        arrays.put("b_out", NpyArray.ofDoubles(network.bOut(), network.nOut()));
        arrays.put("positions", matrix(network.positions().xyz()));
        arrays.putAll(unitArrays(p));
        arrays.put("excitatory", NpyArray.ofBooleans(p.excitatory(), n));
        arrays.put(TAU_OUT, NpyArray.ofDoubles(new double[] {p.tauOutMs()}));
        if (p.hasSynapses()) {
            arrays.put(ALPHA_SYN, NpyArray.ofDoubles(p.alphaSyn(), n));
        }
        arrays.putAll(extra);
        return arrays;
    }

    /**
     * The per-unit parameters of the units' model, under their checkpoint keys: tau_m_ms, tau_a_ms,
     * beta, v_th, n_ref, then the type's {@link NeuronType#extraParameters} (also what gradient dumps carry).
     */
    public static Map<String, NpyArray> unitArrays(NeuronParams p) {
        int n = p.size();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("tau_m_ms", NpyArray.ofDoubles(p.tauMMs(), n));
        arrays.put("tau_a_ms", NpyArray.ofDoubles(p.tauAMs(), n));
        arrays.put("beta", NpyArray.ofDoubles(p.beta(), n));
        arrays.put("v_th", NpyArray.ofDoubles(p.vTh(), n));
        arrays.put("n_ref", NpyArray.ofInts(p.nRef(), n));
        for (UnitParameter parameter : p.type().extraParameters()) {
            arrays.put(parameter.key(), NpyArray.ofDoubles(p.extra(parameter), n));
        }
        return arrays;
    }

    public static void write(Path file, Network network, Map<String, NpyArray> extra) {
        try {
            Npz.write(file, arrays(network, extra));
        } catch (IOException e) {
            throw new UserError(file + ": cannot write checkpoint: " + e.getMessage(), e);
        }
    }

    public static void write(Path file, Network network) {
        write(file, network, Map.of());
    }

    /**
     * Opens the file; each array is checked whole when first used ({@link Npz#open}), and members that
     * nothing uses are never decompressed. A truncated, corrupted or inconsistent checkpoint is refused
     * before anything is built from it.
     */
    public static Map<String, NpyArray> readArrays(Path file) {
        try {
            return Npz.open(file);
        } catch (NpyFormatException e) {
            throw new UserError(e.getMessage() + " (not a valid checkpoint; nothing was loaded)", e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read checkpoint: " + e.getMessage(), e);
        }
    }

    public static Network read(Path file) {
        return fromArrays(readArrays(file), file);
    }

    /** Rebuilds the network from a checkpoint's arrays, checking every shape against the config. */
    public static Network fromArrays(Map<String, NpyArray> arrays, Path file) {
        try {
            String format = Npz.values(Npz.require(arrays, file, "format"), file, "format", NpyArray::asString);
            if (!FORMAT_VERSION.equals(format)) {
                throw new UserError(file + ": checkpoint format '" + format + "' is not " + FORMAT_VERSION);
            }
            ModelConfig config = ConfigLoader.fromJson(Npz.values(Npz.require(arrays, file, "config"), file, "config",
                    NpyArray::asString), file + " (key config)");
            int nIn = config.sizes().inputs();
            int n = config.sizes().recurrent();
            int nOut = config.sizes().outputs();
            NeuronParams params = neuronParams(arrays, file, config.neuron(), n);
            Positions positions = new Positions(DenseMatrix.of(n, 3, finite(arrays, file, "positions", n, 3)));
            return new Network(config, positions, params,
                    DenseMatrix.of(n, nIn, finite(arrays, file, "w_in", n, nIn)),
                    WeightMatrix.ofRowMajor(n, n, finite(arrays, file, "w_rec", n, n)),
                    DenseMatrix.of(nOut, n, finite(arrays, file, "w_out", nOut, n)),
                    finite(arrays, file, "b_rec", n), finite(arrays, file, "b_out", nOut));
        } catch (NpyFormatException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": inconsistent checkpoint: " + e.getMessage(), e);
        }
    }

    /** The per-unit parameters, with the ranges every {@link NeuronParams} is checked against. */
    private static NeuronParams neuronParams(Map<String, NpyArray> arrays, Path file, ModelConfig.Neuron neuron, int n)
            throws NpyFormatException {
        NeuronParams.Builder builder = NeuronParams.builder(neuron.type(), n).activation(neuron.activation())
                .dtMs(neuron.dtMs())
                .tauOutMs(arrays.containsKey(TAU_OUT) ? finite(arrays, file, TAU_OUT)[0] : neuron.tauOutMs())
                .tauMMs(finite(arrays, file, "tau_m_ms", n)).tauAMs(finite(arrays, file, "tau_a_ms", n))
                .beta(finite(arrays, file, "beta", n)).vTh(finite(arrays, file, "v_th", n))
                .nRef(Npz.values(Npz.requireShape(arrays, file, "n_ref", n), file, "n_ref", NpyArray::asInts))
                .excitatory(Npz.values(Npz.requireShape(arrays, file, "excitatory", n), file, "excitatory",
                        NpyArray::asBooleans))
                .learnedTimeConstants(neuron.learnedTimeConstants());
        if (arrays.containsKey(ALPHA_SYN)) {
            builder.synapticDecay(finite(arrays, file, ALPHA_SYN, n));
        }
        for (UnitParameter parameter : neuron.type().extraParameters()) {
            builder.extra(parameter, finite(arrays, file, parameter.key(), n));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": neuron parameters out of range: " + e.getMessage(), e);
        }
    }

    private static NpyArray matrix(DenseMatrix m) {
        return NpyArray.ofDoubles(m.toArray(), m.rows(), m.cols());
    }

    private static double[] finite(Map<String, NpyArray> arrays, Path file, String key, int... shape)
            throws NpyFormatException {
        double[] values = Npz.values(Npz.requireShape(arrays, file, key, shape), file, key, NpyArray::asDoubles);
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new UserError(file + ": key " + key + " holds " + value + "; checkpoints hold finite numbers");
            }
        }
        return values;
    }
}
