package org.sernn.hardware;

import org.sernn.hardware.HardwareProfile.EnergySpec;
import org.sernn.hardware.HardwareProfile.Kind;
import org.sernn.sim.OpCounts;

/**
 * Energy per inference from operation counts (docs/energy.md; KerasSpiking ModelEnergy):
 * E = synaptic ops x E_synop + neuron updates x E_neuron + spikes x E_route + P_static x duration.
 * On a spiking target a synaptic op is a delivered synaptic event (a spike's fan-out, an input
 * value's fan-out); on a von Neumann target every multiply-accumulate of a dense step is one,
 * spiking network or not, and nothing is routed.
 */
public final class EnergyModel {
    private final HardwareProfile profile;
    private final EnergySpec energy;

    public EnergyModel(HardwareProfile profile) {
        if (profile.energy() == null) {
            throw new IllegalArgumentException("profile " + profile.name() + " gives no energy figures");
        }
        this.profile = profile;
        this.energy = profile.energy();
    }

    /**
     * @param counts    counts of a run of {@code trials} inferences
     * @param seconds   duration of one inference on the chip (steps x dt), for static power
     */
    public EnergyBreakdown perInference(OpCounts counts, int trials, double seconds) {
        boolean dense = profile.kind() == Kind.VON_NEUMANN;
        double synapticOps = (double) (dense ? counts.denseMacs() : counts.synapticEvents()) / trials;
        double updates = (double) counts.neuronUpdates() / trials;
        double spikes = (double) counts.spikes() / trials;
        double routing = dense ? 0.0 : spikes * energy.spikeRouteJoules();
        return new EnergyBreakdown(synapticOps * energy.synapticOpJoules(), updates * energy.neuronUpdateJoules(),
                routing, energy.staticPowerWatts() * seconds, synapticOps, updates, spikes);
    }
}
