package org.sernn.train;

import java.util.Arrays;

import org.sernn.model.NeuronParams;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.SpikingModel;
import org.sernn.neuron.SpikingState;
import org.sernn.sim.InputBatch;

/**
 * Surrogate-gradient backpropagation through time for spiking networks (Bellec et al. 2020;
 * docs/learning.md). The forward pass and the units' share of the backward pass are the network's
 * neuron model's ({@link org.sernn.neuron.SpikingDynamics}, {@link org.sernn.neuron.SpikingGradients}:
 * for ALIF, gz_t gains ga_{t+1} - v_th gv_{t+1}, gv_t = alpha gv_{t+1} + psi_t gz_t); with psi_t the
 * pseudo-derivative (0 while refractory), gz_t = dL/dz_t and gv_t = dL/dI_t:
 * <pre>
 *   gz_t = W_out^T gy_t + W_rec^T gv_{t+1} + rate term + the unit's own-state terms
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

    private final RateRegulariser rate;
    private final Surrogate surrogate;
    private final boolean detachReset;
    private final boolean stopRecurrentSpikes;
    private final int trialsPerBlock;
    private final double denseFraction;
    /** The population as last run: its per-unit parameters follow {@link Params#neuron} when it learns them. */
    private NeuronParams neurons;
    private double[] neuronValues;
    private BpttPasses<?, ?> passes;

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
        this.rate = new RateRegulariser(rateCoefficient, rateTargetHz, neurons.dtMs());
        this.surrogate = surrogate;
        this.detachReset = detachReset || stopRecurrentSpikes;
        this.stopRecurrentSpikes = stopRecurrentSpikes;
        this.trialsPerBlock = trialsPerBlock;
        this.denseFraction = denseFraction;
        bind(neurons, NeuronModels.spiking(neurons));
    }

    private void bind(NeuronParams population, SpikingModel<?, ?> model) {
        this.neurons = population;
        this.neuronValues = model.trainableValues();
        this.passes = new BpttPasses<>(model, surrogate, detachReset, stopRecurrentSpikes, trialsPerBlock,
                denseFraction);
    }

    @Override
    public BatchResult run(Params p, InputBatch input, int[] labels, double[] lossMask) {
        if (p.neuron.length > 0 && !Arrays.equals(p.neuron, neuronValues)) {
            // The optimiser moved the per-unit parameters: run the model with their new values.
            NeuronParams moved = NeuronModels.spiking(neurons).withTrainableValues(p.neuron);
            bind(moved, NeuronModels.spiking(moved));
        }
        return run(passes, p, input, labels, lossMask);
    }

    private <S extends SpikingState, A> BatchResult run(BpttPasses<S, A> passes, Params p, InputBatch input,
            int[] labels, double[] lossMask) {
        int batch = input.trials();
        int steps = input.steps();
        int n = p.nRec;
        BpttWorkspace<S, A> ws = passes.workspace(batch, steps, n, p.nIn, p.nOut);
        ws.weights.load(p);
        ws.blocks.forEach((block, from, to) -> {
            ws.reset(block, from, to);
            passes.forward(p, input, ws, block, from, to);
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
        ws.blocks.forEach((block, from, to) -> passes.backward(input, ws, rateSlope, block, from, to));
        BlockGradients sum = ws.gradients[0];
        for (int block = 1; block < ws.gradients.length; block++) {
            sum.add(ws.gradients[block]);
        }
        Params gradients = p.zerosLike();
        sum.writeTo(gradients);
        double[] unitParameters = passes.parameterGradients(ws);
        if (gradients.neuron.length == unitParameters.length) {
            System.arraycopy(unitParameters, 0, gradients.neuron, 0, unitParameters.length);
        }
        for (int j = 0; j < n; j++) {
            gradients.wRec[j * n + j] = 0.0;
        }
        return new BatchResult(taskLoss, rateLoss, correct[0], spikeCount, gradients);
    }

    /** The backward pass has no synaptic current term: networks with synapses are refused. */
    static void requireNoSynapses(NeuronParams neurons, String rule) {
        if (neurons.hasSynapses()) {
            throw new IllegalArgumentException(rule + " cannot train networks with current-based synapses "
                    + "(alpha_syn > 0, e.g. imported NIR CubaLIF nodes); simulate them instead");
        }
    }
}
