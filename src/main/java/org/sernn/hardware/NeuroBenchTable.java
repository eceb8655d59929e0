package org.sernn.hardware;

import java.util.List;
import java.util.Locale;

/** NeuroBench metrics of energy-compare's rows as a Markdown table. */
final class NeuroBenchTable {
    private NeuroBenchTable() {
    }

    static String markdown(List<EnergyComparison.Row> rows) {
        StringBuilder md = new StringBuilder("NeuroBench metrics per inference (at each target's precision):\n\n"
                + "| model | target | footprint (bytes) | connection sparsity | activation sparsity | dense synaptic ops "
                + "| effective ACs | effective MACs | membrane updates |\n|---|---|---|---|---|---|---|---|---|\n");
        for (EnergyComparison.Row row : rows) {
            NeuroBenchMetrics m = row.neurobench();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.4f | %.4f | %.4g | %.4g | %.4g | %.4g |%n",
                    row.model(), row.profile(), m.footprintBytes(), m.connectionSparsity(), m.activationSparsity(),
                    m.denseSynapticOps(), m.effectiveAcs(), m.effectiveMacs(), m.membraneUpdates()));
        }
        return md.toString();
    }
}
