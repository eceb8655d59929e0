package org.sernn.hardware;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Energy of one inference and its parts, in joules (docs/energy.md), with the operation
 * counts per inference that produced it.
 */
public record EnergyBreakdown(double synapticJoules, double neuronJoules, double routingJoules, double staticJoules,
        double synapticOpsPerInference, double neuronUpdatesPerInference, double spikesPerInference) {

    public double totalJoules() {
        return synapticJoules + neuronJoules + routingJoules + staticJoules;
    }

    /** snake_case fields for JSON reports. */
    public Map<String, Object> toReport() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("energy_joules_per_inference", totalJoules());
        map.put("synaptic_joules", synapticJoules);
        map.put("neuron_update_joules", neuronJoules);
        map.put("spike_routing_joules", routingJoules);
        map.put("static_joules", staticJoules);
        map.put("synaptic_ops_per_inference", synapticOpsPerInference);
        map.put("neuron_updates_per_inference", neuronUpdatesPerInference);
        map.put("spikes_per_inference", spikesPerInference);
        return map;
    }
}
