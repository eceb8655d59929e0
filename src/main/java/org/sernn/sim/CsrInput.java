package org.sernn.sim;

import org.sernn.model.Network;
import org.sernn.neuron.SpikingState;

/**
 * Synaptic input of the event engine, one trial at a time: each non-zero input value walks its
 * channel's fan-out and each spike its unit's recurrent and readout fan-out (CSR lists,
 * {@link FanOut}), so the synaptic work is proportional to the activity.
 */
final class CsrInput implements SynapticInput {
    private final FanOut recurrent;
    private final FanOut inputs;
    private final FanOut readout;
    private final double[] bRec;
    private final double[] bOut;
    private final double kappa;
    private long events;

    CsrInput(Network network, FanOut recurrent, FanOut inputs, FanOut readout) {
        this.recurrent = recurrent;
        this.inputs = inputs;
        this.readout = readout;
        this.bRec = network.bRec();
        this.bOut = network.bOut();
        this.kappa = network.neurons().kappa();
    }

    @Override
    public int groupSize(int trials) {
        return 1;
    }

    @Override
    public void current(InputBatch input, int first, int count, int t, double[] z, SpikingState spikes,
            double[] current) {
        System.arraycopy(bRec, 0, current, 0, bRec.length);
        double[] values = input.values();
        int inputOffset = input.offset(first, t);
        for (int channel = 0; channel < input.channels(); channel++) {
            double x = values[inputOffset + channel];
            if (x != 0.0) {
                inputs.scatterAdd(channel, x, current);
                events += inputs.size(channel);
            }
        }
        int[] previous = spikes.spiked(0);
        for (int s = 0; s < spikes.count(0); s++) {
            recurrent.scatterAdd(previous[s], current);
        }
    }

    @Override
    public void readout(int first, int count, double[] z, SpikingState spikes, double[] y) {
        for (int o = 0; o < y.length; o++) {
            y[o] = kappa * y[o] + bOut[o];
        }
        int[] spiked = spikes.spiked(0);
        for (int s = 0; s < spikes.count(0); s++) {
            int unit = spiked[s];
            readout.scatterAdd(unit, y);
            events += recurrent.size(unit) + readout.size(unit);
        }
    }

    @Override
    public long synapticEvents() {
        return events;
    }
}
