package org.sernn.hardware;

import java.util.ArrayList;
import java.util.List;
import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile.ChipLimits;
import org.sernn.model.Network;

/** Whether a network fits a target: unit types and the chip's limits (neurons, fan-in, inputs, outputs). */
public final class ChipFit {
    private ChipFit() {
    }

    /** Every way the network exceeds the profile, empty when it fits. */
    public static List<String> problems(Network network, HardwareProfile profile) {
        List<String> problems = new ArrayList<>();
        if (profile.runsSpikesOnly() && !network.neurons().type().isSpiking()) {
            problems.add("the network has rate units, but " + profile.name() + " runs spiking units only "
                    + "(use a von_neumann profile such as cpu or gpu)");
        }
        ChipLimits limits = profile.limits();
        if (limits == null) {
            return problems;
        }
        int neurons = network.nRec();
        if (limits.neuronsPerCore() != null) {
            long capacity = (long) limits.neuronsPerCore() * limits.cores();
            if (neurons > capacity) {
                problems.add(neurons + " recurrent units exceed " + limits.cores() + " cores x "
                        + limits.neuronsPerCore() + " neurons = " + capacity);
            }
        }
        if (limits.maxNeurons() != null && neurons > limits.maxNeurons()) {
            problems.add(neurons + " recurrent units exceed the limit of " + limits.maxNeurons() + " neurons");
        }
        if (limits.maxInputs() != null && network.nIn() > limits.maxInputs()) {
            problems.add(network.nIn() + " input channels exceed the limit of " + limits.maxInputs());
        }
        if (limits.maxOutputs() != null && network.nOut() > limits.maxOutputs()) {
            problems.add(network.nOut() + " outputs exceed the limit of " + limits.maxOutputs());
        }
        if (limits.maxFanIn() != null) {
            double[] wIn = network.wIn().toArray();
            double[] wRec = network.wRec().toArray();
            int worst = 0;
            int worstUnit = 0;
            for (int j = 0; j < neurons; j++) {
                int fanIn = nonZerosInRow(wIn, network.nIn(), j)
                        + nonZerosInRow(wRec, neurons, j);
                if (fanIn > worst) {
                    worst = fanIn;
                    worstUnit = j;
                }
            }
            if (worst > limits.maxFanIn()) {
                problems.add("unit " + worstUnit + " has " + worst + " incoming synapses (input + recurrent), more "
                        + "than the fan-in limit of " + limits.maxFanIn());
            }
        }
        return problems;
    }

    /** Throws a UserError listing what exceeds what, unless the network fits. */
    public static void require(Network network, HardwareProfile profile) {
        List<String> problems = problems(network, profile);
        if (!problems.isEmpty()) {
            throw new UserError("the network does not fit " + profile.name() + ": " + String.join("; ", problems));
        }
    }

    private static int nonZerosInRow(double[] rowMajor, int cols, int row) {
        int count = 0;
        for (int c = 0; c < cols; c++) {
            count += rowMajor[row * cols + c] != 0.0 ? 1 : 0;
        }
        return count;
    }
}
