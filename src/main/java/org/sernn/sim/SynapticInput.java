package org.sernn.sim;

import org.sernn.neuron.SpikingState;

/**
 * The part of an engine's step that differs between engines: how the synaptic input reaches the units
 * and how the units' output reaches the readout (a CSR scatter per spike, a GEMM per step, an analog
 * crossbar read). {@link StepLoop} owns everything else. An instance serves one run of one network
 * and counts the synaptic events it causes.
 *
 * <p>Trials advance in groups [first, first + count) of at most {@link #groupSize} trials; within a
 * group trial b's values sit at (b - first) n + j in {@code current} and {@code z}, at
 * (b - first) n_out + o in {@code y}. For spiking units, z is binary and {@code spikes} lists the
 * same spikes ({@link SpikingState#spiked}, group-relative trials); for rate units {@code spikes} is
 * null and z holds the activations.
 */
public interface SynapticInput {

    /** How many trials advance together: 1 for engines that run one trial at a time. */
    int groupSize(int trials);

    /**
     * Writes I_t = b_rec + W_in x_t + W_rec z_{t-1} of the group's trials into current; z and
     * spikes still hold step t - 1 (zero at t = 0).
     */
    void current(InputBatch input, int first, int count, int t, double[] z, SpikingState spikes, double[] current);

    /** y_t = kappa y_{t-1} + W_out z_t + b_out for the group's trials; z and spikes hold step t. */
    void readout(int first, int count, double[] z, SpikingState spikes, double[] y);

    /** Synaptic events counted so far (docs/hardware.md): input fan-out of non-zero inputs plus each spike's fan-out. */
    long synapticEvents();
}
