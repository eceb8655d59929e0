package org.sernn.hardware;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Network;
import org.sernn.sim.InputBatch;
import org.sernn.sim.Recording;
import org.sernn.sim.SpikeRaster;

/**
 * NeuroBench's static and workload metrics per inference (Yik et al., NeuroBench, Nature
 * Communications 2025), computed the way the neurobench/metrics code computes them where its docs
 * say otherwise (docs/energy.md lists the differences). The network is read as NeuroBench would see
 * its PyTorch twin: three Linear layers without bias in the count (input W_in on x_t, recurrent W_rec
 * on z_{t-1}, readout W_out on z_t) around one spiking (or activation) layer.
 *
 * @param footprintBytes      parameters and buffers (zeros included) at the deployed precision
 * @param connectionSparsity  zero entries of W_in, W_rec, W_out over all their entries (not rounded;
 *                            NeuroBench rounds to 4 decimals)
 * @param activationSparsity  zero outputs of the recurrent layer over all its outputs, steps and samples
 * @param denseSynapticOps    every weight times every input, per step (hardware without sparsity)
 * @param effectiveAcs        non-zero input x non-zero weight pairs of layer calls whose inputs are all
 *                            in {-1, 0, 1}
 * @param effectiveMacs       the same pairs of layer calls with any other input value
 * @param membraneUpdates     membrane potentials that changed in a step, every unit in the first step
 *                            (spiking layers only: a rate network has none, as in NeuroBench)
 */
public record NeuroBenchMetrics(double footprintBytes, double connectionSparsity, double activationSparsity,
        double denseSynapticOps, double effectiveAcs, double effectiveMacs, double membraneUpdates) {

    /**
     * @param recording a run of {@code network} on {@code input} with states recorded (membrane
     *                  voltage of spiking units, activation of rate units)
     * @param precision the deployed storage precision, for the footprint
     */
    public static NeuroBenchMetrics measure(Network network, InputBatch input, Recording recording,
            StoragePrecision precision) {
        boolean spiking = network.neurons().type().isSpiking();
        if ((spiking ? recording.voltage() : recording.activation()) == null) {
            throw new IllegalArgumentException("NeuroBench metrics need a recording with states");
        }
        int trials = input.trials();
        SynapticOpCounter ops = new SynapticOpCounter(network);
        int n = network.nRec();
        double[] z = new double[n];
        double[] previous = new double[n];
        long zeroOutputs = 0;
        long membraneChanges = 0;
        SpikeRaster raster = recording.spikes();
        for (int trial = 0; trial < trials; trial++) {
            Arrays.fill(previous, 0.0);
            int event = spiking ? raster.trialStart()[trial] : 0;
            for (int t = 0; t < input.steps(); t++) {
                ops.layerCall(ops.input, input.values(), input.offset(trial, t), input.channels());
                ops.layerCall(ops.recurrent, previous, 0, n);
                int row = (trial * input.steps() + t) * n;
                if (spiking) {
                    Arrays.fill(z, 0.0);
                    while (event < raster.trialStart()[trial + 1] && raster.step()[event] == t) {
                        z[raster.unit()[event++]] = 1.0;
                    }
                    membraneChanges += t == 0 ? n : changed(recording.voltage(), row - n, row, n);
                } else {
                    System.arraycopy(recording.activation(), row, z, 0, n);
                }
                ops.layerCall(ops.readout, z, 0, n);
                for (double value : z) {
                    zeroOutputs += value == 0.0 ? 1 : 0;
                }
                double[] swap = previous;
                previous = z;
                z = swap;
            }
        }
        double outputs = (double) trials * input.steps() * n;
        return new NeuroBenchMetrics(footprintBytes(network, precision), ops.connectionSparsity(),
                zeroOutputs / outputs, ops.dense / trials, ops.acs / trials, ops.macs / trials,
                (double) membraneChanges / trials);
    }

    private static int changed(double[] voltage, int before, int after, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += voltage[before + i] != voltage[after + i] ? 1 : 0;
        }
        return count;
    }

    /**
     * Weights at the weight precision; biases, per-unit neuron constants and state buffers at the
     * state precision: a spiking unit keeps decay, adaptation decay, adaptation strength and threshold
     * (plus a synaptic decay if it has synapses) and its membrane and adaptation state (plus synaptic
     * current); a rate unit keeps its activation; the readout keeps its decay and its state.
     */
    static double footprintBytes(Network network, StoragePrecision precision) {
        long weights = (long) network.wIn().rows() * network.wIn().cols() + (long) network.wRec().rows()
                * network.wRec().cols() + (long) network.wOut().rows() * network.wOut().cols();
        boolean spiking = network.neurons().type().isSpiking();
        int synapse = network.neurons().hasSynapses() ? 1 : 0;
        int parametersPerUnit = spiking ? 4 + synapse : 0;
        int statePerUnit = spiking ? 2 + synapse : 1;
        long biases = network.nRec() + network.nOut();
        long readoutDecayAndState = 1 + network.nOut();
        long words = biases + (long) (parametersPerUnit + statePerUnit) * network.nRec() + readoutDecayAndState;
        return (double) weights * precision.weightBytes() + (double) words * precision.stateBytes();
    }

    /** A Linear layer as NeuroBench's binary copy sees it: its rows and the non-zero weights of each column. */
    private record Layer(int rows, int[] columnNonZeros) {
        static Layer of(DenseMatrix postByPre) {
            int[] counts = new int[postByPre.cols()];
            for (int post = 0; post < postByPre.rows(); post++) {
                for (int pre = 0; pre < postByPre.cols(); pre++) {
                    counts[pre] += postByPre.get(post, pre) != 0.0 ? 1 : 0;
                }
            }
            return new Layer(postByPre.rows(), counts);
        }
    }

    /** Counts NeuroBench synaptic operations layer call by layer call (metrics/utils/layers/macs.py). */
    private static final class SynapticOpCounter {
        final Layer input;
        final Layer recurrent;
        final Layer readout;
        final long zeroWeights;
        final long allWeights;
        double dense;
        double acs;
        double macs;

        SynapticOpCounter(Network network) {
            input = Layer.of(network.wIn());
            recurrent = Layer.of(network.wRec());
            readout = Layer.of(network.wOut());
            long all = 0;
            long zeros = 0;
            for (DenseMatrix w : new DenseMatrix[] {network.wIn(), network.wRec(), network.wOut()}) {
                long size = (long) w.rows() * w.cols();
                all += size;
                zeros += size - w.countNonZero();
            }
            allWeights = all;
            zeroWeights = zeros;
        }

        double connectionSparsity() {
            return (double) zeroWeights / allWeights;
        }

        /**
         * One Linear layer applied to {@code x[offset .. offset + width)}: dense counts every weight;
         * effective counts, for each non-zero input, its column's non-zero weights, as ACs when every
         * input of the call is -1, 0 or 1 (input.py binary_inputs) and as MACs otherwise.
         */
        void layerCall(Layer layer, double[] x, int offset, int width) {
            long effective = 0;
            boolean binary = true;
            for (int j = 0; j < width; j++) {
                double value = x[offset + j];
                if (value != 0.0) {
                    effective += layer.columnNonZeros()[j];
                    binary &= value == 1.0 || value == -1.0;
                }
            }
            dense += (double) width * layer.rows();
            if (binary) {
                acs += effective;
            } else {
                macs += effective;
            }
        }
    }

    /** The {@code neurobench} section of the JSON reports. */
    public Map<String, Object> toReport() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("footprint_bytes", footprintBytes);
        map.put("connection_sparsity", connectionSparsity);
        map.put("activation_sparsity", activationSparsity);
        map.put("dense_synaptic_ops", denseSynapticOps);
        map.put("effective_acs", effectiveAcs);
        map.put("effective_macs", effectiveMacs);
        map.put("membrane_updates", membraneUpdates);
        return map;
    }
}
