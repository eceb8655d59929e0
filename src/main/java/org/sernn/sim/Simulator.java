package org.sernn.sim;

import org.sernn.model.Network;

/**
 * Runs a network on a batch of inputs. Every engine follows the same step order (docs/neurons.md),
 * from v = a = z = y = 0:
 * <ol>
 *   <li>input: I_t = b_rec + W_in x_t + W_rec z_{t-1}</li>
 *   <li>units: see {@link SpikingUnits} (spiking) or {@link RateUnits} (rate)</li>
 *   <li>readout: y_t = kappa y_{t-1} + W_out z_t + b_out</li>
 * </ol>
 */
public interface Simulator {
    Recording run(Network network, InputBatch input, RecordOptions options);
}
