package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sernn.UserError;

class HardwareProfilesTest {
    private static final Path PROFILES = Path.of("hardware-profiles");

    @Test
    void everyShippedProfileLoadsAndEveryTargetOfTheIssueIsThere() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(PROFILES)) {
            names = files.filter(f -> f.toString().endsWith(".yaml")).map(HardwareProfiles::load)
                    .map(HardwareProfile::name).sorted().toList();
        }
        assertEquals(List.of("arm", "cpu", "cpu-horowitz45", "dynapse2", "gpu", "ideal", "loihi", "loihi2",
                "pcm-aihwkit", "pcm-crossbar", "snn-horowitz45", "spinnaker", "spinnaker2", "truenorth", "xylo"), names);
        assertEquals(names, HardwareProfiles.BUNDLED);
        for (String name : names) {
            HardwareProfile profile = HardwareProfiles.load(PROFILES.resolve(name + ".yaml"));
            assertTrue(profile.energy() == null || profile.energy().level() != HardwareProfile.Level.UNSTATED,
                    name + " must say whether its energy figures are core- or system-level");
        }
    }

    @Test
    void everyNumberInAProfileHasACommentOnItsLine() throws IOException {
        try (Stream<Path> files = Files.list(PROFILES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).split("#")[0].trim() : "";
                    if (value.matches("-?[0-9.]+(e-?[0-9]+)?")) {
                        assertTrue(line.contains("#"),
                                file + ": no source comment on '" + line.trim() + "'");
                    }
                }
            }
        }
    }

    @Test
    void missingFieldIsNamedWithTheFile() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml(
                "name: x\nkind: neuromorphic\nenergy: {level: core, includes_memory: true, neuron_update_joules: 1.0e-12}\n",
                "bad.yaml"));
        assertEquals("bad.yaml: key 'energy.synaptic_op_joules' is missing; see hardware-profiles/README.md",
                e.getMessage());
    }

    @Test
    void outOfRangeValueNamesKeyValueAndRange() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml(
                "name: x\nkind: ideal\nweights: {bits: 40, granularity: per_tensor}\n", "bad.yaml"));
        assertEquals("bad.yaml: key 'weights.bits': value 40 is not allowed; must be a whole number in [2, 32]",
                e.getMessage());
    }

    @Test
    void unknownKeyIsRefused() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml(
                "name: x\nkind: ideal\nweight: {bits: 8}\n", "bad.yaml"));
        assertTrue(e.getMessage().startsWith("bad.yaml: unknown key 'weight'"), e.getMessage());
    }

    @Test
    void crossbarWithoutItsDriftTimeIsRefused() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml(
                "name: x\nkind: crossbar\ncrossbar: {device: aihwkit, g_max_micro_siemens: 25, g_min_micro_siemens: 0,"
                        + " read_time_seconds: 2.5e-7}\n", "bad.yaml"));
        assertEquals("bad.yaml: key 'crossbar.drift_t0_seconds' is missing; see hardware-profiles/README.md",
                e.getMessage());
    }

    private static final String ENERGY = "energy: {level: core, includes_memory: true, synaptic_op_joules: 1.0e-12, "
            + "neuron_update_joules: 1.0e-12";

    private static String refusal(String kind, String energyTail) {
        return assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: " + kind + "\n" + ENERGY
                + energyTail + "}\n", "bad.yaml")).getMessage();
    }

    @Test
    void energyLevelMustBeCoreOrSystem() {
        String message = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: neuromorphic\n"
                + "energy: {level: chip, includes_memory: true, synaptic_op_joules: 1.0e-12, neuron_update_joules: "
                + "1.0e-12}\n", "bad.yaml")).getMessage();
        assertTrue(message.startsWith("bad.yaml: "), message);
        assertTrue(message.contains("level") && message.contains("chip") && message.contains("core")
                && message.contains("system"), message);
    }

    @Test
    void rangeOutOfOrderIsRefusedWithItsValues() {
        String message = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: neuromorphic\n"
                + "energy: {level: core, includes_memory: true, synaptic_op_joules: {low: 2.0e-12, point: 1.0e-12, "
                + "high: 3.0e-12}, neuron_update_joules: 1.0e-12}\n", "bad.yaml")).getMessage();
        assertEquals("bad.yaml: key 'energy.synaptic_op_joules': value {low=2.0E-12, point=1.0E-12, high=3.0E-12} is "
                + "not allowed; must be ordered low <= point <= high", message);
    }

    @Test
    void meshOnlyOnNeuromorphicTargetsAndMemoryWhenNotIncluded() {
        assertEquals("bad.yaml: key 'energy.mesh': value (a section) is not allowed; must be present only when kind is "
                + "neuromorphic", refusal("von_neumann", ", mesh: {tiles_x: 1, tiles_y: 1, cores_per_tile: 1, "
                        + "east_west_hop_joules: 1.0e-12, north_south_hop_joules: 1.0e-12}"));
        assertEquals("bad.yaml: key 'energy.memory' is missing; see hardware-profiles/README.md",
                assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: neuromorphic\nenergy: "
                        + "{level: core, includes_memory: false, synaptic_op_joules: 1.0e-12, neuron_update_joules: "
                        + "1.0e-12}\n", "bad.yaml")).getMessage());
        assertEquals("bad.yaml: key 'energy.mesh.tiles_x': value 0 is not allowed; must be a whole number in [1, 65536]",
                refusal("neuromorphic", ", mesh: {tiles_x: 0, tiles_y: 1, cores_per_tile: 1, "
                        + "east_west_hop_joules: 1.0e-12, north_south_hop_joules: 1.0e-12}"));
        assertEquals("bad.yaml: key 'energy.memory.dram_joules_per_64_bits' is missing; see hardware-profiles/README.md",
                refusal("von_neumann", ", memory: {sram_bytes: 10, sram_joules_per_64_bits: 1.0e-12}"));
    }
}
