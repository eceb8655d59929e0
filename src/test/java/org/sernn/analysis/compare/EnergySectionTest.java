package org.sernn.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;

class EnergySectionTest {
    private static ModelAnalysis of(String model) {
        Network network = ModelSource.load(Path.of(model));
        return new ModelAnalysis(network, null, null, null, null, 0.0);
    }

    @Test
    void rateOnCpuCostsEveryMultiplyAccumulateAndUnitUpdate() {
        String md = new EnergySection().markdown(of("models/rate-sernn.yaml"), of("models/alif-sernn.yaml"));
        // 50 steps x (100 (8 + 100) + 4 x 100) MACs + 50 x 100 unit updates, 8.6 nJ each (KerasSpiking, cpu).
        double cpuJoules = (50.0 * (100 * 108 + 400) + 50 * 100) * 8.6e-9;
        // the cpu figure is one number, so its low, point and high agree
        String cpu = String.format(Locale.ROOT, "%.3g", cpuJoules);
        assertTrue(md.contains("| cpu | system | ") && md.contains(cpu + " / " + cpu + " / " + cpu), md);
        assertTrue(md.contains("| loihi |") && md.contains("E_rate / E_spiking"), md);
    }

    @Test
    void everyBundledEnergyProfileIsCompared() {
        String md = new EnergySection().markdown(of("models/rate-sernn.yaml"), of("models/alif-sernn.yaml"));
        for (String profile : new String[] {"arm", "cpu", "cpu-horowitz45", "gpu", "dynapse2", "loihi", "loihi2",
                "snn-horowitz45", "spinnaker", "spinnaker2", "truenorth", "xylo"}) {
            assertTrue(md.contains("| " + profile + " |"), profile + " missing:\n" + md);
        }
        assertTrue(md.contains("| cpu-horowitz45 | snn-horowitz45 |") && md.contains("core / core |"), md);
    }

    @Test
    void twoModelsOfOneKindGetANote() {
        String md = new EnergySection().markdown(of("models/alif-l1.yaml"), of("models/alif-sernn.yaml"));
        assertTrue(md.contains("needs one rate and one spiking model"), md);
    }
}
