package org.sernn.hardware;

import java.util.Locale;
import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile.EnergySpec;
import org.sernn.hardware.HardwareProfile.Kind;
import org.sernn.model.Network;
import org.sernn.sim.InputBatch;
import org.sernn.sim.OpCounts;
import org.sernn.sim.Recording;

/**
 * Energy per inference, each part low / point / high (docs/energy.md):
 * E = ops x E_op + updates x E_neuron + memory bits x E_bit + routing + P_static x duration.
 * On a spiking target an op is a delivered synaptic event (a spike's or a non-zero input's fan-out
 * along non-zero synapses); on a von Neumann target every multiply-accumulate of a dense step is one,
 * and nothing is routed. Memory is costed only when the profile's per-op figures leave it out
 * ({@code includes_memory: false}); routing only on a profile with a mesh, from the placed network.
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
     * @param network   the network as deployed (its weights decide the fan-outs that are routed)
     * @param recording its run on {@code input}
     */
    public EnergyBreakdown perInference(Network network, Recording recording, InputBatch input,
            PlacementOptions placement) {
        OpCounts counts = recording.counts();
        int trials = input.trials();
        boolean dense = profile.kind() == Kind.VON_NEUMANN;
        double synapticOps = (double) (dense ? counts.denseMacs() : counts.synapticEvents()) / trials;
        double updates = (double) counts.neuronUpdates() / trials;
        double spikes = (double) counts.spikes() / trials;
        StoragePrecision precision = StoragePrecision.of(profile);
        MemoryTraffic traffic = dense
                ? MemoryTraffic.dense(network, synapticOps, updates, input.steps(), precision,
                        energy.memory() == null ? null : energy.memory().sramBytes(),
                        NeuroBenchMetrics.footprintBytes(network, precision))
                : MemoryTraffic.eventDriven(network, synapticOps, updates, precision);
        EnergyRange memory = energy.includesMemory() ? EnergyRange.ZERO : traffic.joules(energy.memory());
        PlacementReport placed = dense || energy.mesh() == null || !network.neurons().type().isSpiking() ? null
                : place(network, recording, placement);
        EnergyRange routing = placed == null ? EnergyRange.ZERO : placed.usedCost().joules();
        double seconds = input.steps() * network.neurons().dtMs() / 1000.0;
        return new EnergyBreakdown(energy.level().name().toLowerCase(Locale.ROOT), energy.includesMemory(),
                energy.synapticOpJoules().times(synapticOps), energy.neuronUpdateJoules().times(updates), memory,
                routing, energy.staticPowerWatts().times(seconds), synapticOps, updates, spikes, traffic, placed);
    }

    private PlacementReport place(Network network, Recording recording, PlacementOptions options) {
        Integer perCore = options.neuronsPerCore() != null ? options.neuronsPerCore()
                : profile.limits() == null ? null : profile.limits().neuronsPerCore();
        if (perCore == null) {
            throw new UserError(profile.name() + ": energy.mesh needs limits.neurons_per_core (or "
                    + "--neurons-per-core) to place the network on cores");
        }
        long[] counts = recording.spikes().countsPerUnit();
        double[] perInference = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            perInference[i] = (double) counts[i] / recording.trials();
        }
        CorePlacement spatial = CorePlacement.spatial(network.positions(), perCore);
        CorePlacement random = CorePlacement.random(network.nRec(), perCore, options.seed());
        return new PlacementReport(options.used(), perCore, spatial.coresUsed(),
                MeshRouting.perInference(network.wRec(), network.wOut(), spatial, energy.mesh(), perInference,
                        profile.name()),
                MeshRouting.perInference(network.wRec(), network.wOut(), random, energy.mesh(), perInference,
                        profile.name()));
    }
}
