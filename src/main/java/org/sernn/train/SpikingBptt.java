package org.sernn.train;

import java.util.Arrays;
import org.sernn.model.NeuronParams;
import org.sernn.sim.InputBatch;
import org.sernn.sim.SpikingUnits;

/**
 * Surrogate-gradient backpropagation through time for ALIF/LIF networks (Bellec et al. 2020,
 * docs/learning.md). The forward pass uses the engines' unit update ({@link SpikingUnits});
 * the backward pass, with psi_t the pseudo-derivative (0 while refractory) and gz_t = dL/dz_t:
 * <pre>
 *   gz_t = W_out^T gy_t + W_rec^T gv_{t+1} - v_th gv_{t+1} [unless the reset is detached] + ga_{t+1} + rate term
 *   gv_t = psi_t gz_t + alpha gv_{t+1}          (gv_t = dL/dv_t = dL/dI_t)
 *   ga_t = -beta psi_t gz_t + rho ga_{t+1}
 *   dL/dW_rec = sum_t gv_t z_{t-1}^T, dL/dW_in = sum_t gv_t x_t^T, dL/dW_out = sum_t gy_t z_t^T
 * </pre>
 * With {@code stopRecurrentSpikes} the W_rec^T and reset terms of gz_t are dropped (e-prop's
 * approximation). Memory grows with the sequence: the whole trajectory is kept.
 *
 * <p>Sparsity does most of the work: z is binary, so W_rec z_{t-1}, W_out z_t, dL/dW_rec and dL/dW_out
 * are sums over spikes; gz_t only matters where psi_t is non-zero (a few per cent of the units near
 * threshold), so W_rec^T gv_{t+1} is evaluated as dot products there alone, or as a dense product when
 * more than {@code denseFraction} of a trial's units are near threshold. Trials are processed in
 * {@link TrialBlocks} in parallel. Arrays are reused between batches of one shape: an instance runs
 * one batch at a time.
 */
public final class SpikingBptt implements LearningRule {
    /** Above this fraction of units with psi != 0 in a trial step, W_rec^T gv_{t+1} is computed densely. */
    static final double DENSE_FRACTION = 0.25;

    private final NeuronParams neurons;
    private final Surrogate surrogate;
    private final boolean detachReset;
    private final boolean stopRecurrentSpikes;
    private final RateRegulariser rate;
    private final int trialsPerBlock;
    private final double denseFraction;
    private final SpikingUnits units;
    private final double[] alpha;
    private final double[] rho;
    private final double[] beta;
    private final double[] vTh;
    /** |v - A| below which psi may be non-zero: the surrogate's support in volts (a hair wider, for rounding). */
    private final double[] supportVolts;
    private BpttWorkspace workspace;

    public SpikingBptt(NeuronParams neurons, Surrogate surrogate, boolean detachReset, double rateCoefficient,
            double rateTargetHz) {
        this(neurons, surrogate, detachReset, false, rateCoefficient, rateTargetHz);
    }

    /**
     * @param stopRecurrentSpikes stop the gradient through z_{t-1} in the recurrent input and in the
     *                            reset: exactly what e-prop drops (Bellec et al. 2020), for testing {@link Eprop}
     */
    public SpikingBptt(NeuronParams neurons, Surrogate surrogate, boolean detachReset, boolean stopRecurrentSpikes,
            double rateCoefficient, double rateTargetHz) {
        this(neurons, surrogate, detachReset, stopRecurrentSpikes, rateCoefficient, rateTargetHz, TrialBlocks.TRIALS,
                DENSE_FRACTION);
    }

    /** With the block size and the dense-product threshold chosen (tests exercise every path with them). */
    SpikingBptt(NeuronParams neurons, Surrogate surrogate, boolean detachReset, boolean stopRecurrentSpikes,
            double rateCoefficient, double rateTargetHz, int trialsPerBlock, double denseFraction) {
        requireNoSynapses(neurons, "BPTT");
        this.neurons = neurons;
        this.surrogate = surrogate;
        this.detachReset = detachReset || stopRecurrentSpikes;
        this.stopRecurrentSpikes = stopRecurrentSpikes;
        this.rate = new RateRegulariser(rateCoefficient, rateTargetHz, neurons.dtMs());
        this.trialsPerBlock = trialsPerBlock;
        this.denseFraction = denseFraction;
        this.units = new SpikingUnits(neurons);
        this.alpha = neurons.alpha();
        this.rho = neurons.rho();
        this.beta = neurons.beta();
        this.vTh = neurons.vTh();
        this.supportVolts = new double[vTh.length];
        for (int j = 0; j < vTh.length; j++) {
            supportVolts[j] = surrogate.support() * vTh[j] * (1 + 1e-9);
        }
    }

    @Override
    public BatchResult run(Params p, InputBatch input, int[] labels, double[] lossMask) {
        int batch = input.trials();
        int steps = input.steps();
        int n = p.nRec;
        BpttWorkspace ws = workspace(batch, steps, n, p.nIn, p.nOut);
        BpttWeights w = ws.weights;
        w.load(p);
        ws.blocks.forEach((block, from, to) -> {
            ws.reset(block, from, to);
            forward(p, w, input, ws, block, from, to);
        });
        long[] unitSpikes = new long[n];
        for (long[] partial : ws.unitSpikes) {
            for (int j = 0; j < n; j++) {
                unitSpikes[j] += partial[j];
            }
        }
        long spikeCount = 0;
        for (long count : unitSpikes) {
            spikeCount += count;
        }
        int[] correct = new int[1];
        double taskLoss = ReadoutLoss.apply(ws.drive, p.bOut, neurons.kappa(), steps, batch, p.nOut, labels, lossMask,
                ws.gradDrive, correct);
        double[] rateSlope = rate.active() ? rate.slopes(unitSpikes, steps, batch) : new double[n];
        double rateLoss = rate.active() ? rate.value(unitSpikes, steps, batch) : 0.0;
        ws.blocks.forEach((block, from, to) -> backward(w, input, ws, rateSlope, block, from, to));
        BlockGradients sum = ws.gradients[0];
        for (int block = 1; block < ws.gradients.length; block++) {
            sum.add(ws.gradients[block]);
        }
        Params gradients = p.zerosLike();
        sum.writeTo(gradients);
        for (int j = 0; j < n; j++) {
            gradients.wRec[j * n + j] = 0.0;
        }
        return new BatchResult(taskLoss, rateLoss, correct[0], spikeCount, gradients);
    }

    private BpttWorkspace workspace(int batch, int steps, int n, int nIn, int nOut) {
        if (workspace == null || !workspace.fits(batch, steps, n, nIn, nOut)) {
            workspace = null; // the old arrays may go before the new ones are allocated
            workspace = new BpttWorkspace(units, batch, steps, n, nIn, nOut, trialsPerBlock);
        }
        return workspace;
    }

    /** Trials [from, to) forward through every step: psi, spikes and the readout's drive W_out z_t. */
    private void forward(Params p, BpttWeights w, InputBatch input, BpttWorkspace ws, int block, int from, int to) {
        int n = ws.n;
        int batch = ws.batch;
        double[] x = input.values();
        double[] thresholds = ws.thresholds[block];
        boolean[] blocked = ws.blocked[block];
        SpikingUnits.State state = ws.states[block];
        long[] unitSpikes = ws.unitSpikes[block];
        for (int t = 0; t < ws.steps; t++) {
            for (int b = from; b < to; b++) {
                int row = t * batch + b;
                // b_rec + W_in x_t + W_rec z_{t-1}; z is binary, so add the columns of the units that spiked.
                double[] current = ws.current[b];
                System.arraycopy(p.bRec, 0, current, 0, n);
                int xOffset = input.offset(b, t);
                for (int k = 0; k < ws.nIn; k++) {
                    if (x[xOffset + k] != 0.0) {
                        VectorOps.addScaled(x[xOffset + k], w.inByChannel[k], current);
                    }
                }
                if (t > 0) {
                    int previous = row - batch;
                    int first = previous * n;
                    int last = first + ws.spikeCount[previous];
                    int s = first;
                    for (; s + 1 < last; s += 2) {
                        VectorOps.addTwo(w.recByPre[ws.spikeUnits[s]], w.recByPre[ws.spikeUnits[s + 1]], current);
                    }
                    if (s < last) {
                        VectorOps.add(w.recByPre[ws.spikeUnits[s]], current);
                    }
                }
                int trial = b - from;
                for (int j = 0; j < n; j++) {
                    blocked[j] = state.blocked(trial, j);
                }
                int count = units.step(state, trial, current, 0);
                units.thresholds(state, trial, thresholds, 0);
                record(w, ws, row, state.voltage(), trial * n, thresholds, blocked, state.spiked(trial), count,
                        unitSpikes);
            }
        }
    }

    /** Stores one trial step's spikes and psi, and the readout's drive from the spikes. */
    private void record(BpttWeights w, BpttWorkspace ws, int row, double[] v, int vOffset, double[] thresholds,
            boolean[] blocked, int[] spiked, int count, long[] unitSpikes) {
        int n = ws.n;
        int nOut = ws.nOut;
        System.arraycopy(spiked, 0, ws.spikeUnits, row * n, count);
        ws.spikeCount[row] = count;
        int driveOffset = row * nOut;
        for (int o = 0; o < nOut; o++) {
            ws.drive[driveOffset + o] = 0.0;
        }
        for (int s = 0; s < count; s++) {
            int j = spiked[s];
            unitSpikes[j]++;
            for (int o = 0; o < nOut; o++) {
                ws.drive[driveOffset + o] += w.outByPre[j * nOut + o];
            }
        }
        // psi_t only where it can be non-zero: not refractory and closer to threshold than the support.
        int base = row * n;
        int active = 0;
        for (int j = 0; j < n; j++) {
            double distance = v[vOffset + j] - thresholds[j];
            // One rarely taken branch (&, not &&: refractoriness alone is too unpredictable to branch on).
            if (!(!blocked[j] & Math.abs(distance) < supportVolts[j])) {
                continue;
            }
            double psi = surrogate.derivative(distance / vTh[j], vTh[j]);
            if (psi != 0.0) {
                ws.activeUnits[base + active] = j;
                ws.activePsi[base + active] = psi;
                active++;
            }
        }
        ws.activeCount[row] = active;
    }

    /** Trials [from, to) backward through every step, adding their weight gradients to the block's sums. */
    private void backward(BpttWeights w, InputBatch input, BpttWorkspace ws, double[] rateSlope, int block, int from,
            int to) {
        int n = ws.n;
        int nOut = ws.nOut;
        int batch = ws.batch;
        double[] psiGz = ws.psiGz[block];
        double[] gradDrive = ws.gradDrive;
        double[] recurrent = ws.recurrent[block];
        BlockGradients sums = ws.gradients[block];
        for (int t = ws.steps - 1; t >= 0; t--) {
            boolean throughRecurrence = !stopRecurrentSpikes && t < ws.steps - 1;
            for (int b = from; b < to; b++) {
                int row = t * batch + b;
                int base = row * n;
                int gyOffset = row * nOut;
                double[] gv = ws.gv[b];
                double[] gvNext = ws.gvNext[b];
                double[] ga = ws.ga[b];
                boolean dense = throughRecurrence && ws.activeCount[row] > denseFraction * n;
                if (dense) {
                    Arrays.fill(recurrent, 0.0);
                    for (int i = 0; i < n; i++) {
                        if (gvNext[i] != 0.0) {
                            VectorOps.addScaled(gvNext[i], w.recRows[i], recurrent);
                        }
                    }
                }
                // psi_t gz_t at the units where psi_t != 0 (from ga = dL/da_{t+1} and gvNext = dL/dv_{t+1}) ...
                int active = ws.activeCount[row];
                for (int s = 0; s < active; s++) {
                    int j = ws.activeUnits[base + s];
                    double gz = rateSlope[j];
                    for (int o = 0; o < nOut; o++) {
                        gz += w.outByPre[j * nOut + o] * gradDrive[gyOffset + o];
                    }
                    if (throughRecurrence) {
                        gz += dense ? recurrent[j] : VectorOps.dot(w.recByPre[j], gvNext);
                    }
                    gz += ga[j] - (detachReset ? 0.0 : vTh[j] * gvNext[j]);
                    psiGz[s] = ws.activePsi[base + s] * gz;
                }
                // ... then gv_t = alpha gv_{t+1} + psi_t gz_t and ga_t = rho ga_{t+1} - beta psi_t gz_t.
                for (int j = 0; j < n; j++) {
                    gv[j] = alpha[j] * gvNext[j];
                    ga[j] = rho[j] * ga[j];
                }
                for (int s = 0; s < active; s++) {
                    int j = ws.activeUnits[base + s];
                    gv[j] += psiGz[s];
                    ga[j] -= beta[j] * psiGz[s];
                }
                accumulate(input, ws, sums, t, b, gv);
                ws.gv[b] = gvNext;
                ws.gvNext[b] = gv;
            }
        }
    }

    /** Adds trial b's step-t terms gv_t z_{t-1}^T, gv_t x_t^T, gy_t z_t^T (and the biases') to the block's sums. */
    private static void accumulate(InputBatch input, BpttWorkspace ws, BlockGradients sums, int t, int b,
            double[] gv) {
        int n = ws.n;
        int nOut = ws.nOut;
        int row = t * ws.batch + b;
        VectorOps.add(gv, sums.bRec);
        double[] x = input.values();
        int xOffset = input.offset(b, t);
        for (int k = 0; k < ws.nIn; k++) {
            if (x[xOffset + k] != 0.0) {
                VectorOps.addScaled(x[xOffset + k], gv, sums.wInByChannel[k]);
            }
        }
        if (t > 0) {
            int previous = row - ws.batch;
            for (int s = 0; s < ws.spikeCount[previous]; s++) {
                VectorOps.add(gv, sums.wRecByPre[ws.spikeUnits[previous * n + s]]);
            }
        }
        int gyOffset = row * nOut;
        for (int s = 0; s < ws.spikeCount[row]; s++) {
            int outOffset = ws.spikeUnits[row * n + s] * nOut;
            for (int o = 0; o < nOut; o++) {
                sums.wOutByPre[outOffset + o] += ws.gradDrive[gyOffset + o];
            }
        }
        for (int o = 0; o < nOut; o++) {
            sums.bOut[o] += ws.gradDrive[gyOffset + o];
        }
    }

    /** The backward pass has no synaptic current term: networks with synapses are refused. */
    static void requireNoSynapses(NeuronParams neurons, String rule) {
        if (neurons.hasSynapses()) {
            throw new IllegalArgumentException(rule + " cannot train networks with current-based synapses "
                    + "(alpha_syn > 0, e.g. imported NIR CubaLIF nodes); simulate them instead");
        }
    }
}
