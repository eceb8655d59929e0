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
import org.sernn.space.Positions;

/**
 * A network as a NumPy {@code .npz} (docs/formats.md, "Checkpoint"): {@code w_in} (n_rec, n_in),
 * {@code w_rec} (n_rec, n_rec), {@code w_out} (n_out, n_rec), {@code b_rec}, {@code b_out},
 * {@code positions} (n_rec, 3), per-unit {@code tau_m_ms}, {@code tau_a_ms}, {@code beta},
 * {@code v_th}, {@code n_ref}, {@code excitatory}, and {@code config} (the model config as a JSON
 * string); {@code alpha_syn} (per-unit synaptic decay) only when some unit has a current-based synapse,
 * and absent means none. Further arrays (training state) ride along under their own keys. Written atomically;
 * read whole and validated before anything is returned.
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
        arrays.put("tau_m_ms", NpyArray.ofDoubles(p.tauMMs(), n));
        arrays.put("tau_a_ms", NpyArray.ofDoubles(p.tauAMs(), n));
        arrays.put("beta", NpyArray.ofDoubles(p.beta(), n));
        arrays.put("v_th", NpyArray.ofDoubles(p.vTh(), n));
        arrays.put("n_ref", NpyArray.ofInts(p.nRef(), n));
        arrays.put("excitatory", NpyArray.ofBooleans(p.excitatory(), n));
        arrays.put(TAU_OUT, NpyArray.ofDoubles(new double[] {p.tauOutMs()}));
        if (p.hasSynapses()) {
            arrays.put(ALPHA_SYN, NpyArray.ofDoubles(p.alphaSyn(), n));
        }
        arrays.putAll(extra);
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
            ModelConfig.Neuron neuron = config.neuron();
            NeuronParams params = new NeuronParams(neuron.type(), neuron.activation(), neuron.dtMs(),
                    readoutTauMs(arrays, file, neuron.tauOutMs()), positiveFinite(arrays, file, "tau_m_ms", n),
                    positiveFinite(arrays, file, "tau_a_ms", n), finite(arrays, file, "beta", n),
                    positiveFinite(arrays, file, "v_th", n), Npz.values(Npz.requireShape(arrays, file, "n_ref", n), file,
                    "n_ref", NpyArray::asInts), Npz.values(Npz.requireShape(arrays, file, "excitatory", n), file,
                    "excitatory", NpyArray::asBooleans));
            if (arrays.containsKey(ALPHA_SYN)) {
                params = params.withSynapticDecay(synapticDecay(arrays, file, n));
            }
            Positions positions = new Positions(DenseMatrix.of(n, 3, finite(arrays, file, "positions", n, 3)));
            return new Network(config, positions, params,
                    DenseMatrix.of(n, nIn, finite(arrays, file, "w_in", n, nIn)),
                    DenseMatrix.of(n, n, finite(arrays, file, "w_rec", n, n)),
                    DenseMatrix.of(nOut, n, finite(arrays, file, "w_out", nOut, n)),
                    finite(arrays, file, "b_rec", n), finite(arrays, file, "b_out", nOut));
        } catch (NpyFormatException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": inconsistent checkpoint: " + e.getMessage(), e);
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

    /** tau_out_ms when the file has it (older checkpoints do not: then the config's). */
    private static double readoutTauMs(Map<String, NpyArray> arrays, Path file, double configTauMs)
            throws NpyFormatException {
        if (!arrays.containsKey(TAU_OUT)) {
            return configTauMs;
        }
        double tauMs = finite(arrays, file, TAU_OUT)[0];
        if (tauMs < 0) {
            throw new UserError(file + ": key " + TAU_OUT + " holds " + tauMs + "; it must be >= 0 (0: no leak)");
        }
        return tauMs;
    }

    private static double[] synapticDecay(Map<String, NpyArray> arrays, Path file, int n) throws NpyFormatException {
        double[] values = finite(arrays, file, ALPHA_SYN, n);
        for (double value : values) {
            if (!(value >= 0 && value < 1)) {
                throw new UserError(file + ": key " + ALPHA_SYN + " holds " + value + "; it must be in [0, 1)");
            }
        }
        return values;
    }

    private static double[] positiveFinite(Map<String, NpyArray> arrays, Path file, String key, int n)
            throws NpyFormatException {
        double[] values = finite(arrays, file, key, n);
        for (double value : values) {
            if (!(value > 0)) {
                throw new UserError(file + ": key " + key + " holds " + value + "; it must be > 0");
            }
        }
        return values;
    }
}
