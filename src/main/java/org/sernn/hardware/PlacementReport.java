package org.sernn.hardware;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Routing of one inference under both placements (docs/energy.md): the {@code used} one enters
 * the energy total; the other is reported beside it.
 */
public record PlacementReport(PlacementKind used, int neuronsPerCore, int coresUsed, MeshRouting.Cost spatial,
        MeshRouting.Cost random) {

    public MeshRouting.Cost usedCost() {
        return used == PlacementKind.SPATIAL ? spatial : random;
    }

    public Map<String, Object> toReport() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("used", used.name().toLowerCase(Locale.ROOT));
        map.put("neurons_per_core", neuronsPerCore);
        map.put("cores_used", coresUsed);
        map.put("spatial", spatial.toReport());
        map.put("random", random.toReport());
        return map;
    }
}
