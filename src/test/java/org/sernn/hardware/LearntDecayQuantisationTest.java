package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sernn.hardware.HardwareProfile.DecayMode;
import org.sernn.model.ConfigLoader;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.train.Params;

/** A profile's decay quantiser applies to learnt per-unit time constants, unit by unit. */
class LearntDecayQuantisationTest {

    @Test
    void learntTimeConstantsAreQuantisedPerUnit() {
        Network built = NetworkFactory.build(ConfigLoader.fromYaml("name: q\nseed: 3\nsizes: {recurrent: 12}\nspace: {layout: box}\n"
                + "neuron: {type: alif, tau_a_ms: 300, learn: [tau_m, tau_a]}\n", "inline"), Path.of("."));
        Params params = Params.of(built);
        int n = built.nRec();
        for (int j = 0; j < n; j++) {
            params.neuron[j] = 3.0 + 7.3 * j;          // learnt tau_m, all different
            params.neuron[n + j] = 150.0 + 61.0 * j;   // learnt tau_a
        }
        Network learnt = params.toNetwork(built);
        HardwareProfile twelveBit = HardwareProfiles.fromYaml("name: t\nkind: ideal\nneuron: {decay: twelve_bit}\n",
                "t");
        Network deployed = new HardwareTarget(twelveBit).apply(learnt, DeviceConditions.fresh(1));
        double[] alpha = deployed.neurons().alpha();
        double[] rho = deployed.neurons().rho();
        for (int j = 0; j < n; j++) {
            // the chip's 12-bit decay of this unit's own learnt constant: round(4096 exp(-dt / tau)) / 4096
            assertEquals(Math.round(4096 * Math.exp(-1 / (3.0 + 7.3 * j))) / 4096.0, alpha[j], 1e-12, "alpha " + j);
            assertEquals(Math.round(4096 * Math.exp(-1 / (150.0 + 61.0 * j))) / 4096.0, rho[j], 1e-12, "rho " + j);
            assertEquals(DecayQuantiser.decay(3.0 + 7.3 * j, 1, DecayMode.TWELVE_BIT), alpha[j], 1e-12);
        }
    }
}
