package org.sernn.export;

import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sernn.UserError;
import org.sernn.io.Hdf5Files;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.NeuronModels;

/**
 * A spiking network as a lava-dl netx description for Loihi (HDF5; docs/formats.md, layout
 * of the fixture network.net): {@code layer/0} the recurrent layer (type "dense_rec": weight (n_rec,
 * n_in), weight_rec (n_rec, n_rec)), {@code layer/1} the readout (type "dense": weight (n_out,
 * n_rec)), each with shape, inFeatures, outFeatures, an optional bias and a {@code neuron} group:
 * CUBA with iDecay, vDecay (12 bits, 4096 = 1), vThMant, refDelay, gradedSpike.
 *
 * <p>What lava-dl's loader reads (lava/lib/dl/netx/hdf5.py and utils.py, lava-dl 0.6.0 and later,
 * read at commit d825ac5 of May 2026): layer types input, flatten, dense, dense_rec, dense_comp and
 * conv; "dense_rec" builds a RecurrentDense block whose weight and weight_rec are concatenated and
 * given one weight exponent (optimize_weight_bits, which clips stored values to [-256, 254]);
 * {@code type} strings are decoded as ASCII, weight/weight_rec/bias cast to int, and a CUBA neuron
 * becomes Lava's LIF with vth = vThMant, du = iDecay - 1, dv = vDecay, bias_exp 6. Loaders before
 * 0.6.0 skip "dense_rec".
 *
 * <p>Correspondence: Loihi's CUBA unit is u_t = (1 - iDecay/4096) u_{t-1} + input,
 * v_t = (1 - vDecay/4096) v_{t-1} + u_t, sernn's synapse s_t = alpha_syn s_{t-1} + I_t: so
 * iDecay = round(4096 (1 - alpha_syn)) (4096 without a synapse) and vDecay = round(4096 (1 - alpha)).
 * Weights are integers, even, within [-256, 254], in units of {@link LoihiWeights#units} per unit of
 * weight (one unit for W_in and W_rec, since the loader gives them one exponent), the threshold
 * vThMant = round(v_th units). The readout is a non-spiking leaky integrator: vDecay from kappa and
 * the largest threshold mantissa, so that it never fires and is read as voltage. A hardware
 * profile's weights (8-bit or fewer, one power-of-two scale per matrix: a shared-exponent profile)
 * are written on that grid, exactly when W_in and W_rec have the same scale.
 *
 * <p>Approximated (returned as warnings): the 12-bit decays (and Lava's du = iDecay - 1, which
 * keeps 1/4096 of a unit's current where sernn has no synapse); Loihi's CUBA resets v to 0 where
 * sernn subtracts v_th; refDelay holds a unit for n_ref steps (at least 1) where sernn keeps
 * integrating; adaptation (ALIF) is dropped from the CUBA neuron, its parameters kept in attributes.
 */
public final class NetxExporter {
    public static final int DECAY_ONE = 4096;
    public static final String RECURRENT_TYPE = "dense_rec";
    /** The largest level of an 8-bit signed quantiser, 2^7 - 1. */
    private static final int MAX_PROFILE_LEVEL = 127;

    private NetxExporter() {
    }

    /** The written layers' quantised weights and the warnings a user must see. */
    public record NetxExport(LoihiWeights wIn, LoihiWeights wRec, LoihiWeights wOut, long[] vDecay, long[] vThMant,
            List<String> warnings) {
    }

    /**
     * @param quantisation integer weights from a hardware profile, or null; their real values are
     *                     what Loihi's quantisation starts from
     */
    public static NetxExport write(Path file, Network network, Quantisation quantisation) {
        NeuronParams p = network.neurons();
        if (!NeuronModels.hasAlifState(p)) {
            throw new UserError("netx export takes LIF and ALIF networks; this one has " + p.type() + " units");
        }
        DenseMatrix wIn = network.wIn();
        DenseMatrix wRec = network.wRec();
        DenseMatrix wOut = network.wOut();
        if (quantisation != null) {
            quantisation.requireShapes(network);
            requireLoihiGrid("w_in", quantisation.wIn());
            requireLoihiGrid("w_rec", quantisation.wRec());
            requireLoihiGrid("w_out", quantisation.wOut());
            wIn = quantisation.wIn().dequantised();
            wRec = quantisation.wRec().dequantised();
            wOut = quantisation.wOut().dequantised();
        }
        double[] vTh = p.vTh();
        double maxTh = Arrays.stream(vTh).max().orElse(1.0);
        double units = LoihiWeights.units(maxAbs(wIn.toArray(), wRec.toArray()), maxTh);
        // Input and recurrent weights drive the same units: one exponent for both, from the larger.
        double[] both = concat(wIn.toArray(), wRec.toArray());
        LoihiWeights shared = LoihiWeights.quantise(1, both.length, both, units);
        LoihiWeights qIn = slice(shared, network.nRec(), network.nIn(), 0);
        LoihiWeights qRec = slice(shared, network.nRec(), network.nRec(), wIn.toArray().length);
        double outUnits = LoihiWeights.units(maxAbs(wOut.toArray()), 0);
        LoihiWeights qOut = LoihiWeights.quantise(network.nOut(), network.nRec(), wOut.toArray(), outUnits);

        long[] vDecay = Arrays.stream(p.alpha()).mapToLong(a -> Math.round(DECAY_ONE * (1 - a))).toArray();
        long[] iDecay = Arrays.stream(p.alphaSyn()).mapToLong(a -> Math.round(DECAY_ONE * (1 - a))).toArray();
        long[] vThMant = Arrays.stream(vTh).mapToLong(v -> Math.round(v * units)).toArray();
        long outDecay = Math.round(DECAY_ONE * (1 - p.kappa()));
        int[] nRef = p.nRef();
        long[] refDelay = Arrays.stream(nRef).mapToLong(r -> Math.max(1, r)).toArray();
        List<String> warnings = new ArrayList<>();
        warnings.add("netx: membrane decays rounded to 12 bits (vDecay / 4096); Loihi's CUBA resets v to 0 where "
                + "sernn subtracts v_th");
        warnings.add("netx: the recurrent layer is written as type '" + RECURRENT_TYPE + "' (weight_rec), which "
                + "lava-dl 0.6.0 and later build as a RecurrentDense block; older loaders skip it");
        if (!p.hasSynapses()) {
            warnings.add("netx: iDecay = 4096 (no synaptic current); lava-dl sets Lava's du = iDecay - 1 = 4095, so "
                    + "1/4096 of each step's current carries into the next");
        }
        if (quantisation != null) {
            int changed = changed(quantisation.wIn().dequantised(), qIn) + changed(quantisation.wRec().dequantised(), qRec)
                    + changed(quantisation.wOut().dequantised(), qOut);
            if (changed > 0) {
                warnings.add("netx: " + changed + " of the profile's weights were rounded again: W_in and W_rec share "
                        + "one weight exponent in a dense_rec layer (the loader concatenates them), and the profile gave "
                        + "them scales " + quantisation.wIn().scale(0) + " and " + quantisation.wRec().scale(0));
            }
        }
        if (Arrays.stream(p.beta()).anyMatch(b -> b > 0)) {
            warnings.add("netx: ALIF adaptation has no CUBA counterpart; Loihi runs the units WITHOUT adaptation "
                    + "(beta and tau_a are kept in the layer's attributes)");
        }
        if (Arrays.stream(nRef).anyMatch(r -> r > 1)) {
            warnings.add("netx: refDelay holds a unit's voltage for n_ref steps; sernn only blocks its spikes");
        }

        Hdf5Files.write(file, hdf -> {
            WritableGroup layers = hdf.putGroup("layer");
            WritableGroup rec = layer(layers, "0", RECURRENT_TYPE, network.nIn(), network.nRec(), qIn,
                    scaledIntegers(network.bRec(), units));
            rec.putDataset("weight_rec", NirValues.float32(asDoubles(qRec.effective().values()), network.nRec(),
                    network.nRec()));
            neuron(rec, iDecay, vDecay, vThMant, refDelay);
            rec.putAttribute("sernn_weight_scale", 1.0 / units);
            rec.putAttribute("sernn_weight_exponent", (long) shared.exponent());
            rec.putAttribute("sernn_adaptation_beta", p.beta());
            rec.putAttribute("sernn_adaptation_tau_s", Arrays.stream(p.tauAMs()).map(ms -> ms / 1000).toArray());
            WritableGroup out = layer(layers, "1", "dense", network.nRec(), network.nOut(), qOut,
                    scaledIntegers(network.bOut(), outUnits));
            long[] outDecays = new long[network.nOut()];
            Arrays.fill(outDecays, outDecay);
            long[] never = new long[] {LoihiWeights.THRESHOLD_MANTISSA_MAX};
            long[] noSynapse = new long[] {DECAY_ONE};
            neuron(out, noSynapse, outDecays, never, new long[] {1});
            out.putAttribute("sernn_weight_scale", 1.0 / outUnits);
            out.putAttribute("sernn_weight_exponent", (long) qOut.exponent());
        });
        return new NetxExport(qIn, qRec, qOut, vDecay, vThMant, List.copyOf(warnings));
    }

    private static WritableGroup layer(WritableGroup layers, String index, String type, int in, int out,
            LoihiWeights weights, double[] bias) {
        WritableGroup layer = layers.putGroup(index);
        layer.putDataset("type", new String[] {type});
        layer.putDataset("shape", new long[] {out});
        layer.putDataset("inFeatures", (long) in);
        layer.putDataset("outFeatures", (long) out);
        layer.putDataset("weight", NirValues.float32(asDoubles(weights.effective().values()), out, in));
        if (Arrays.stream(bias).anyMatch(b -> b != 0)) {
            layer.putDataset("bias", NirValues.float32(bias));
        }
        return layer;
    }

    /** Scalars where every unit agrees (as lava-dl writes them), per-unit arrays otherwise. */
    private static void neuron(WritableGroup layer, long[] iDecay, long[] vDecay, long[] vThMant, long[] refDelay) {
        WritableGroup neuron = layer.putGroup("neuron");
        neuron.putDataset("type", "CUBA");
        putScalarOrArray(neuron, "iDecay", iDecay);
        putScalarOrArray(neuron, "vDecay", vDecay);
        putScalarOrArray(neuron, "vThMant", vThMant);
        putScalarOrArray(neuron, "refDelay", refDelay);
        neuron.putDataset("gradedSpike", false);
    }

    private static void putScalarOrArray(WritableGroup group, String key, long[] values) {
        if (Arrays.stream(values).allMatch(v -> v == values[0])) {
            group.putDataset(key, values[0]);
        } else {
            group.putDataset(key, values);
        }
    }

    /** A profile's matrix must be 8-bit integers (|k| <= 127) with one power-of-two scale. */
    private static void requireLoihiGrid(String name, QuantisedWeights w) {
        double[] scales = w.scales();
        boolean powerOfTwo = scales.length == 1 && scales[0] == Math.scalb(1.0, Math.getExponent(scales[0]));
        int max = Arrays.stream(w.values()).map(Math::abs).max().orElse(0);
        if (!powerOfTwo || max > MAX_PROFILE_LEVEL) {
            throw new UserError("netx (Loihi) holds 8-bit weights with one power-of-two scale per matrix; the profile's "
                    + name + " has " + (scales.length == 1 ? "scale " + scales[0] : scales.length + " scales (one per row)")
                    + " and integers up to " + max + ": use a shared_exponent profile of at most 8 bits (loihi, loihi2), "
                    + "or export nir or npz");
        }
    }

    /** How many of {@code real}'s weights the Loihi grid does not hold exactly. */
    private static int changed(DenseMatrix real, LoihiWeights grid) {
        double[] want = real.toArray();
        double[] got = grid.effective().dequantised().toArray();
        int count = 0;
        for (int i = 0; i < want.length; i++) {
            count += want[i] == got[i] ? 0 : 1;
        }
        return count;
    }

    private static LoihiWeights slice(LoihiWeights all, int rows, int cols, int from) {
        return new LoihiWeights(rows, cols, all.units(), Arrays.copyOfRange(all.mantissa(), from, from + rows * cols),
                all.exponent());
    }

    private static double[] scaledIntegers(double[] values, double units) {
        return Arrays.stream(values).map(v -> Math.round(v * units)).toArray();
    }

    private static double maxAbs(double[]... arrays) {
        double max = 0;
        for (double[] a : arrays) {
            for (double v : a) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] asDoubles(int[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }
}
