package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sernn.UserError;

class ChipFitTest {
    private static HardwareProfile limited(String limits) {
        return HardwareProfiles.fromYaml("name: chip\nkind: neuromorphic\nlimits: " + limits
                + "\nenergy: {synaptic_op_joules: 1.0e-12, neuron_update_joules: 1.0e-12}\n", "chip.yaml");
    }

    @Test
    void saysWhatExceedsWhatAndRefusesAZeroLimit() {
        // the tiny network: 1 input, 3 units, 1 output; unit 2 has 2 recurrent inputs, unit 0 one input + one recurrent
        List<String> problems = ChipFit.problems(EnergyModelTest.tinyNetwork(),
                limited("{neurons_per_core: 1, cores: 2, max_fan_in: 1, max_outputs: 1}"));
        assertEquals(List.of("3 recurrent units exceed 2 cores x 1 neurons = 2",
                "unit 0 has 2 incoming synapses (input + recurrent), more than the fan-in limit of 1"), problems);
        UserError e = assertThrows(UserError.class, () -> ChipFit.require(EnergyModelTest.tinyNetwork(),
                limited("{max_inputs: 0}")));
        assertEquals("chip.yaml: key 'limits.max_inputs': value 0 is not allowed; must be a whole number >= 1 "
                + "(or absent for no limit)", e.getMessage());
    }

    @Test
    void fittingNetworkHasNoProblems() {
        assertEquals(List.of(), ChipFit.problems(EnergyModelTest.tinyNetwork(),
                limited("{neurons_per_core: 3, cores: 1, max_fan_in: 2, max_inputs: 1, max_outputs: 1}")));
    }
}
