package org.sernn.hardware;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sernn.hardware.HardwareProfile.NeuronPrecision;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.model.StatePrecision;

/**
 * Fixed-point neuron state of a digital chip. The chip counts membrane and adaptation in integer
 * state units; a synaptic input of one weight level adds 2^weight_shift_bits of them (Loihi:
 * u += mantissa 2^(6 + weight_exp) with even 8-bit mantissas, so 2^7 per level, Davies 2018 and
 * NxSDK; Xylo: weights add as they are, weight_shift 0, Rockpool). So unit j's state LSB, in the
 * model's units, is q_j = (the finer of its input and recurrent weight levels) / 2^weight_shift_bits,
 * on which every synaptic input of a power-of-two (shared exponent) quantisation lands exactly.
 * <p>The network is rewritten in those integer units, row by row: unit j's input and recurrent
 * weights, bias, threshold and adaptation strength are divided by q_j, which leaves every spike and
 * so the readout unchanged in exact arithmetic. The engines then round v to whole units and clamp it
 * to +-(2^(state_bits-1) - 1) ({@link StatePrecision}). The adaptation variable a (in spikes) is kept
 * so that beta_j a, the threshold increase, is a whole number of units of the same width:
 * step 1 / max_j(beta_j / q_j) over adaptive units, exact when they share beta_j / q_j (one scale and
 * one beta, as in sernn's ALIF configs). Not modelled: the threshold's own grid (Loihi: 17-bit
 * mantissa times 2^6), the bias's.
 */
public final class FixedPointState {
    private final int stateBits;
    private final int weightShiftBits;
    private final double[] lsb;

    /**
     * @param inputScales     each unit's input weight level, in model units (0: no input weights)
     * @param recurrentScales each unit's recurrent weight level (0: none)
     */
    FixedPointState(NeuronPrecision precision, double[] inputScales, double[] recurrentScales) {
        this.stateBits = precision.stateBits();
        this.weightShiftBits = precision.weightShiftBits();
        int n = inputScales.length;
        double[] finer = new double[n];
        double fallback = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            finer[j] = finerPositive(inputScales[j], recurrentScales[j]);
            fallback = Math.min(fallback, finer[j]);
        }
        double shift = Math.pow(2, precision.weightShiftBits());
        this.lsb = new double[n];
        for (int j = 0; j < n; j++) {
            // a unit without incoming weights never integrates anything: give it the finest grid
            double level = finer[j] < Double.POSITIVE_INFINITY ? finer[j] : fallback;
            lsb[j] = (level < Double.POSITIVE_INFINITY ? level : 1.0) / shift;
        }
    }

    /** Each unit's state LSB in the model's units. */
    public double[] lsb() {
        return lsb.clone();
    }

    /** Largest |state| in state units, 2^(state_bits-1) - 1. */
    public double limitUnits() {
        return Math.pow(2, stateBits - 1) - 1;
    }

    /** For report.json: the width, the shift, and the range of LSBs and limits over units in the model's units. */
    public Map<String, Object> toReport() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("state_bits", stateBits);
        report.put("weight_shift_bits", weightShiftBits);
        report.put("limit_state_units", limitUnits());
        report.put("lsb_min", Arrays.stream(lsb).min().orElse(Double.NaN));
        report.put("lsb_max", Arrays.stream(lsb).max().orElse(Double.NaN));
        report.put("voltage_limit_min", limitUnits() * Arrays.stream(lsb).min().orElse(Double.NaN));
        report.put("voltage_limit_max", limitUnits() * Arrays.stream(lsb).max().orElse(Double.NaN));
        return report;
    }

    /** The network in integer state units with the rounding and clamping of this state width. */
    public Network apply(Network network) {
        NeuronParams p = network.neurons();
        int n = network.nRec();
        int nIn = network.nIn();
        double[] wIn = network.wIn().toArray();
        double[] wRec = network.wRec().toArray();
        double[] bRec = network.bRec();
        double[] vTh = p.vTh();
        double[] beta = p.beta();
        double adaptationPerSpike = 0;
        for (int j = 0; j < n; j++) {
            double units = 1.0 / lsb[j];
            for (int i = 0; i < nIn; i++) {
                wIn[j * nIn + i] *= units;
            }
            for (int i = 0; i < n; i++) {
                wRec[j * n + i] *= units;
            }
            bRec[j] *= units;
            vTh[j] *= units;
            beta[j] *= units;
            adaptationPerSpike = Math.max(adaptationPerSpike, beta[j]);
        }
        double limit = limitUnits();
        double adaptationStep = adaptationPerSpike > 0 ? 1.0 / adaptationPerSpike : 1.0;
        StatePrecision precision = new StatePrecision(1.0, limit, adaptationStep, limit * adaptationStep);
        NeuronParams scaled = p.toBuilder().beta(beta).vTh(vTh).statePrecision(precision).build();
        return new Network(network.config(), network.positions(), scaled, DenseMatrix.of(n, nIn, wIn),
                DenseMatrix.of(n, n, wRec), network.wOut(), bRec, network.bOut());
    }

    private static double finerPositive(double a, double b) {
        double finer = Double.POSITIVE_INFINITY;
        if (a > 0) {
            finer = a;
        }
        if (b > 0) {
            finer = Math.min(finer, b);
        }
        return finer;
    }
}
