package org.sernn.sim;

import org.sernn.linalg.MatMulPlan;
import org.sernn.model.Network;
import org.sernn.neuron.SpikingState;

/**
 * Synaptic input of the dense engine: all trials together, two ND4J GEMMs per step (x_t W_in^T and
 * z_{t-1} W_rec^T, double precision) into preallocated arrays ({@link MatMulPlan}), the readout a
 * third. Synaptic events are counted from the fan-out sizes as the event engine would cause them.
 */
final class GemmInput implements SynapticInput {
    private final int n;
    private final int nIn;
    private final int nOut;
    private final MatMulPlan inputPlan;
    private final MatMulPlan recurrentPlan;
    private final MatMulPlan readoutPlan;
    private final double[] xBuffer;
    private final double[] inBuffer;
    private final double[] driveBuffer;
    private final double[] bRec;
    private final double[] bOut;
    private final double kappa;
    private final int[] inputFanOut;
    /** Recurrent plus readout fan-out of each unit: the synaptic events one of its spikes causes. */
    private final int[] spikeFanOut;
    private long events;

    GemmInput(Network network, int batch) {
        this.n = network.nRec();
        this.nIn = network.nIn();
        this.nOut = network.nOut();
        this.inputPlan = MatMulPlan.timesTransposeOf(network.wIn().toArray(), n, nIn, batch);
        this.recurrentPlan = MatMulPlan.timesTransposeOf(network.wRec().toArray(), n, n, batch);
        this.readoutPlan = MatMulPlan.timesTransposeOf(network.wOut().toArray(), nOut, n, batch);
        this.xBuffer = new double[batch * nIn];
        this.inBuffer = new double[batch * n];
        this.driveBuffer = new double[batch * nOut];
        this.bRec = network.bRec();
        this.bOut = network.bOut();
        this.kappa = network.neurons().kappa();
        this.inputFanOut = FanOut.columnSizes(network.wIn());
        int[] recurrentFanOut = FanOut.columnSizes(network.wRec());
        int[] readoutFanOut = FanOut.columnSizes(network.wOut());
        this.spikeFanOut = new int[n];
        for (int i = 0; i < n; i++) {
            spikeFanOut[i] = recurrentFanOut[i] + readoutFanOut[i];
        }
    }

    @Override
    public int groupSize(int trials) {
        return trials;
    }

    @Override
    public void current(InputBatch input, int first, int count, int t, double[] z, SpikingState spikes,
            double[] current) {
        double[] values = input.values();
        for (int b = 0; b < count; b++) {
            int offset = input.offset(first + b, t);
            System.arraycopy(values, offset, xBuffer, b * nIn, nIn);
            for (int channel = 0; channel < nIn; channel++) {
                if (values[offset + channel] != 0.0) {
                    events += inputFanOut[channel];
                }
            }
        }
        inputPlan.apply(xBuffer, 0, inBuffer, 0);
        recurrentPlan.apply(z, 0, current, 0);
        for (int b = 0; b < count; b++) {
            for (int j = 0; j < n; j++) {
                int idx = b * n + j;
                current[idx] = bRec[j] + inBuffer[idx] + current[idx];
            }
        }
    }

    @Override
    public void readout(int first, int count, double[] z, SpikingState spikes, double[] y) {
        if (spikes != null) {
            for (int b = 0; b < count; b++) {
                int[] spiked = spikes.spiked(b);
                for (int s = 0; s < spikes.count(b); s++) {
                    events += spikeFanOut[spiked[s]];
                }
            }
        }
        readoutPlan.apply(z, 0, driveBuffer, 0);
        for (int b = 0; b < count; b++) {
            for (int o = 0; o < nOut; o++) {
                int idx = b * nOut + o;
                y[idx] = kappa * y[idx] + driveBuffer[idx] + bOut[o];
            }
        }
    }

    @Override
    public long synapticEvents() {
        return events;
    }
}
