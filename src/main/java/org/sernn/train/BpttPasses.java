package org.sernn.train;

import java.util.Arrays;
import org.sernn.neuron.SpikingDynamics;
import org.sernn.neuron.SpikingGradients;
import org.sernn.neuron.SpikingModel;
import org.sernn.neuron.SpikingState;
import org.sernn.sim.InputBatch;

/**
 * The forward and backward passes of {@link SpikingBptt} for one neuron model, typed by its state
 * {@code S} and adjoint {@code A}; the unit's own dynamics and backward step are the model's
 * ({@link SpikingDynamics}, {@link SpikingGradients}), everything else (input current, readout,
 * recurrence, weight gradients) is here.
 */
final class BpttPasses<S extends SpikingState, A> {
    private final SpikingDynamics<S> units;
    private final SpikingGradients<S, A> unitGradients;
    private final Surrogate surrogate;
    private final double[] vTh;
    private final boolean detachReset;
    private final boolean stopRecurrentSpikes;
    private final int trialsPerBlock;
    private final double denseFraction;
    private BpttWorkspace<S, A> workspace;

    BpttPasses(SpikingModel<S, A> model, Surrogate surrogate, boolean detachReset, boolean stopRecurrentSpikes,
            int trialsPerBlock, double denseFraction) {
        this.units = model.dynamics();
        this.unitGradients = model.gradients(surrogate.support());
        this.surrogate = surrogate;
        this.vTh = unitGradients.thresholdScale();
        this.detachReset = detachReset;
        this.stopRecurrentSpikes = stopRecurrentSpikes;
        this.trialsPerBlock = trialsPerBlock;
        this.denseFraction = denseFraction;
    }

    BpttWorkspace<S, A> workspace(int batch, int steps, int n, int nIn, int nOut) {
        if (workspace == null || !workspace.fits(batch, steps, n, nIn, nOut)) {
            workspace = null; // the old arrays may go before the new ones are allocated
            workspace = new BpttWorkspace<>(units, unitGradients, batch, steps, n, nIn, nOut, trialsPerBlock);
        }
        return workspace;
    }

    /** Trials [from, to) forward through every step: psi, spikes and the readout's drive W_out z_t. */
    void forward(Params p, InputBatch input, BpttWorkspace<S, A> ws, int block, int from, int to) {
        int n = ws.n;
        int batch = ws.batch;
        BpttWeights w = ws.weights;
        S state = ws.states.get(block);
        long[] unitSpikes = ws.unitSpikes[block];
        for (int t = 0; t < ws.steps; t++) {
            for (int b = from; b < to; b++) {
                int row = t * batch + b;
                double[] current = ws.current[b];
                int previous = row - batch;
                SpikeInputCurrent.assemble(w, p.bRec, input.values(), input.offset(b, t), ws.spikeUnits,
                        previous * n, t > 0 ? ws.spikeCount[previous] : 0, current);
                int trial = b - from;
                int count = units.step(state, trial, current, 0);
                record(ws, row, state, trial, count, unitSpikes);
                unitGradients.recordForward(state, trial, ws.adjoint, b, t);
            }
        }
    }

    /** Stores one trial step's spikes and psi, and the readout's drive from the spikes. */
    private void record(BpttWorkspace<S, A> ws, int row, S state, int trial, int count, long[] unitSpikes) {
        int n = ws.n;
        int nOut = ws.nOut;
        int[] spiked = state.spiked(trial);
        double[] outByPre = ws.weights.outByPre;
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
                ws.drive[driveOffset + o] += outByPre[j * nOut + o];
            }
        }
        // psi_t only where it can be non-zero: not refractory and closer to threshold than the support.
        int base = row * n;
        int near = unitGradients.nearThreshold(state, trial, ws.activeUnits, ws.activePsi, base);
        int active = 0;
        for (int s = 0; s < near; s++) {
            int j = ws.activeUnits[base + s];
            double psi = surrogate.derivative(ws.activePsi[base + s], vTh[j]);
            if (psi != 0.0) {
                ws.activeUnits[base + active] = j;
                ws.activePsi[base + active] = psi;
                active++;
            }
        }
        ws.activeCount[row] = active;
    }

    /** Trials [from, to) backward through every step, adding their weight gradients to the block's sums. */
    void backward(InputBatch input, BpttWorkspace<S, A> ws, double[] rateSlope, int block, int from, int to) {
        int n = ws.n;
        int nOut = ws.nOut;
        int batch = ws.batch;
        BpttWeights w = ws.weights;
        A adjoint = ws.adjoint;
        double[] gz = ws.psiGz[block];
        double[] gradDrive = ws.gradDrive;
        double[] recurrent = ws.recurrent[block];
        BlockGradients sums = ws.gradients[block];
        for (int t = ws.steps - 1; t >= 0; t--) {
            boolean throughRecurrence = !stopRecurrentSpikes && t < ws.steps - 1;
            for (int b = from; b < to; b++) {
                int row = t * batch + b;
                int base = row * n;
                int gyOffset = row * nOut;
                double[] gvNext = unitGradients.currentGradient(adjoint, b);
                boolean dense = throughRecurrence && ws.activeCount[row] > denseFraction * n;
                if (dense) {
                    Arrays.fill(recurrent, 0.0);
                    for (int i = 0; i < n; i++) {
                        if (gvNext[i] != 0.0) {
                            VectorOps.addScaled(gvNext[i], w.recRows[i], recurrent);
                        }
                    }
                }
                // gz_t at the units where psi_t != 0: readout, rate regulariser, recurrence (dL/dI_{t+1}),
                // then the unit's own state at t + 1; times psi_t ...
                int active = ws.activeCount[row];
                for (int s = 0; s < active; s++) {
                    int j = ws.activeUnits[base + s];
                    double g = rateSlope[j];
                    for (int o = 0; o < nOut; o++) {
                        g += w.outByPre[j * nOut + o] * gradDrive[gyOffset + o];
                    }
                    if (throughRecurrence) {
                        g += dense ? recurrent[j] : VectorOps.dot(w.recByPre[j], gvNext);
                    }
                    gz[s] = g;
                }
                unitGradients.addOwnStateGradient(adjoint, b, ws.activeUnits, base, active, detachReset, gz);
                for (int s = 0; s < active; s++) {
                    gz[s] *= ws.activePsi[base + s];
                }
                // ... which steps the unit's adjoint back to t, giving dL/dI_t.
                unitGradients.backwardStep(adjoint, b, t, ws.activeUnits, base, active, gz);
                accumulate(input, ws, sums, t, b, unitGradients.currentGradient(adjoint, b));
            }
        }
    }

    /**
     * The batch's gradients of the model's per-unit {@link SpikingGradients#trainableParameters}
     * (parameter k of unit j at k n + j), after {@link #backward} of every block; empty for models
     * that learn none.
     */
    double[] parameterGradients(BpttWorkspace<S, A> ws) {
        double[] out = new double[unitGradients.trainableParameters().size() * ws.n];
        if (out.length > 0) {
            unitGradients.addParameterGradients(ws.adjoint, out);
        }
        return out;
    }

    /** Adds trial b's step-t terms gv_t z_{t-1}^T, gv_t x_t^T, gy_t z_t^T (and the biases') to the block's sums. */
    private static void accumulate(InputBatch input, BpttWorkspace<?, ?> ws, BlockGradients sums, int t, int b,
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
}
