package org.sernn.analysis.compare;

import java.util.List;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.hardware.EnergyComparison;
import org.sernn.hardware.HardwareProfile;
import org.sernn.hardware.HardwareProfiles;
import org.sernn.model.Network;

/**
 * Energy per inference (docs/energy.md): the rate model on the von Neumann profiles against
 * the spiking model on every neuromorphic profile, with accuracy under each profile and the ratios.
 * Needs one rate and one spiking model; otherwise says so.
 */
final class EnergySection implements ComparisonSection {
    static final List<String> VON_NEUMANN = List.of("cpu", "gpu", "arm");
    static final List<String> NEUROMORPHIC = List.of("loihi", "loihi2", "spinnaker", "spinnaker2", "truenorth", "xylo",
            "dynapse2");
    private static final int TRIALS = 128;
    private static final int DEVICE_SEEDS = 1;

    @Override
    public String title() {
        return "Energy";
    }

    @Override
    public String markdown(ModelAnalysis a, ModelAnalysis b) {
        Network first = a.network();
        Network second = b.network();
        boolean firstSpiking = first.neurons().type().isSpiking();
        if (firstSpiking == second.neurons().type().isSpiking()) {
            return "The energy comparison needs one rate and one spiking model (`energy-compare` compares any "
                    + "model on chosen profiles).\n";
        }
        Network rate = firstSpiking ? second : first;
        Network spiking = firstSpiking ? first : second;
        List<EnergyComparison.Row> rows = EnergyComparison.measure(rate, spiking, profiles(VON_NEUMANN),
                profiles(NEUROMORPHIC), TRIALS, DEVICE_SEEDS, spiking.config().seed());
        return "Rate model on von Neumann targets (every multiply-accumulate), spiking model on neuromorphic "
                + "targets (synaptic events and neuron updates); accuracy over " + TRIALS + " trials.\n\n"
                + EnergyComparison.markdown(rows);
    }

    private static List<HardwareProfile> profiles(List<String> names) {
        return names.stream().map(HardwareProfiles::bundled).toList();
    }
}
