package org.sernn.analysis.compare;

import java.util.List;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.hardware.EnergyComparison;
import org.sernn.hardware.HardwareProfile;
import org.sernn.hardware.HardwareProfiles;
import org.sernn.hardware.PlacementOptions;
import org.sernn.model.Network;

/**
 * Energy per inference (docs/energy.md): the rate model on every bundled von Neumann profile against
 * the spiking model on every bundled neuromorphic profile, with accuracy under each profile and the ratios.
 * Needs one rate and one spiking model; otherwise says so.
 */
final class EnergySection implements ComparisonSection {
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
        List<EnergyComparison.Row> rows = EnergyComparison.measure(rate, spiking,
                HardwareProfiles.bundledOfKind(HardwareProfile.Kind.VON_NEUMANN),
                HardwareProfiles.bundledOfKind(HardwareProfile.Kind.NEUROMORPHIC), TRIALS, DEVICE_SEEDS,
                spiking.config().seed(), PlacementOptions.DEFAULT);
        return "Rate model on von Neumann targets (every multiply-accumulate), spiking model on neuromorphic "
                + "targets (synaptic events, neuron updates, routing); energies low / point / high; accuracy over " + TRIALS + " trials.\n\n"
                + EnergyComparison.markdown(rows);
    }

}
