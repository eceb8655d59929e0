package org.sernn.hardware;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Energy of one inference and its parts, each low / point / high in joules (docs/energy.md), with
 * the operation counts per inference that produced it, the memory traffic, and (on a mesh) the
 * placement and routing.
 *
 * @param level          "core" or "system": what the profile's figures cover
 * @param memoryIncluded the per-op figures already include memory accesses, so {@code memoryJoules} is zero
 * @param placement      routing under spatial and random placement; null without a mesh
 */
public record EnergyBreakdown(String level, boolean memoryIncluded, EnergyRange synapticJoules,
        EnergyRange neuronJoules, EnergyRange memoryJoules, EnergyRange routingJoules, EnergyRange staticJoules,
        double synapticOpsPerInference, double neuronUpdatesPerInference, double spikesPerInference,
        MemoryTraffic memory, PlacementReport placement) {

    /** One named part of the total. */
    public record Term(String name, EnergyRange joules) {
    }

    public List<Term> terms() {
        return List.of(new Term("synaptic ops", synapticJoules), new Term("neuron updates", neuronJoules),
                new Term("memory", memoryJoules), new Term("routing", routingJoules), new Term("static", staticJoules));
    }

    public EnergyRange totalJoules() {
        return synapticJoules.plus(neuronJoules).plus(memoryJoules).plus(routingJoules).plus(staticJoules);
    }

    /** The {@code count} largest terms by point value. */
    public List<Term> dominantTerms(int count) {
        List<Term> sorted = new ArrayList<>(terms());
        sorted.sort(Comparator.comparingDouble((Term t) -> t.joules().point()).reversed());
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    /** snake_case fields for JSON reports. */
    public Map<String, Object> toReport() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("level", level);
        map.put("energy_joules_per_inference", totalJoules().toReport());
        map.put("synaptic_joules", synapticJoules.toReport());
        map.put("neuron_update_joules", neuronJoules.toReport());
        map.put("memory_joules", memoryIncluded ? "included in the per-op figures" : memoryJoules.toReport());
        map.put("spike_routing_joules", routingJoules.toReport());
        map.put("static_joules", staticJoules.toReport());
        map.put("dominant_terms", dominantTerms(3).stream().map(t -> t.name() + String.format(Locale.ROOT,
                " %.0f%%", 100 * t.joules().point() / totalJoules().point())).toList());
        map.put("synaptic_ops_per_inference", synapticOpsPerInference);
        map.put("neuron_updates_per_inference", neuronUpdatesPerInference);
        map.put("spikes_per_inference", spikesPerInference);
        map.put("memory_traffic", memory.toReport());
        if (placement != null) {
            map.put("placement", placement.toReport());
        }
        return map;
    }
}
