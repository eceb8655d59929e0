package org.sernn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.UserError;

/** Every mistake in a config gets one message naming the file, the key, the value and what is allowed. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    private UserError loadFails(String yaml) throws IOException {
        return loadFails(yaml, "bad.yaml");
    }

    /** Loads bad.yaml and builds its network; the error must name {@code faultyFile}. */
    private UserError loadFails(String yaml, String faultyFile) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        UserError error = assertThrows(UserError.class, () -> NetworkFactory.build(ConfigLoader.load(file), dir));
        assertTrue(error.getMessage().contains(faultyFile), "names the file: " + error.getMessage());
        return error;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key            | neuron: {tau_mem_ms: 20}                 | tau_mem_ms  | tau_m_ms",
        "unknown top-level key  | nueron: {type: lif}                      | nueron      | neuron",
        "wrong type             | neuron: {tau_m_ms: fast}                 | neuron.tau_m_ms | number",
        "negative tau           | neuron: {tau_m_ms: -5}                   | neuron.tau_m_ms | -5.0",
        "zero tau_a             | neuron: {tau_a_ms: 0}                    | neuron.tau_a_ms | > 0",
        "negative n_ref         | neuron: {n_ref: -1}                      | neuron.n_ref | -1",
        "fractional n_ref       | neuron: {n_ref: 1.5}                     | neuron.n_ref | whole number",
        "bad neuron type        | neuron: {type: izhikevich}               | neuron.type | lif, alif, rate",
        "alif fraction on lif   | neuron: {type: lif, alif_fraction: 0.5}  | neuron.alif_fraction | unless",
        "fraction above one     | neuron: {alif_fraction: 1.5}             | neuron.alif_fraction | [0.0, 1.0]",
        "grid of wrong size     | space: {grid: [4, 4, 4]}                 | space.grid | 100",
        "connection prob        | weights: {w_rec: {connection_prob: 2}}   | weights.w_rec.connection_prob | [0.0, 1.0]",
        "orthogonal not square  | weights: {w_in: {init: orthogonal}}      | weights.w_in.init | square",
        "zero recurrent units   | sizes: {recurrent: 0}                    | sizes.recurrent | whole number",
        "duplicate key          | 'seed: 1\nseed: 2'                       | seed | Duplicate",
        "unknown feedback       | 'training: {eprop: {feedback: mirror}}'  | training.eprop.feedback | symmetric, random, adaptive",
        "e-prop on rate units   | 'neuron: {type: rate}\ntraining: {learning_rule: eprop}' | training.learning_rule | bptt for rate units",
        "image key on the maze  | 'task: {name: maze, order: rows}'        | task.order | absent unless task.name is sequential_image",
        "path on the maze       | 'task: {name: maze, path: /tmp}'         | task.path | sequential_image or shd",
        "shd without a file     | 'task: {name: shd}'                      | task.path | SHD/SSC HDF5 training file",
        "shd stretched          | 'task: {name: shd, path: x.h5, steps_per_task_step: 2}' | task.steps_per_task_step | 1 for shd",
        "unknown order          | 'task: {name: sequential_image, order: columns}' | task.order | rows, pixels, permuted_pixels",
        "threshold without delta | 'task: {name: sequential_image, delta_threshold: 0.2}' | task.delta_threshold | unless task.encoding is delta",
        "current under poisson  | 'input: {encoding: poisson}\ntask: {name: sequential_image, encoding: delta}' | task.encoding | poisson or absent",
        "unknown loss span      | 'task: {loss_over: everything}'          | task.loss_over | window, sequence",
        "unknown learnt constant | 'neuron: {learn: [tau_m, tau_s]}'      | neuron.learn | tau_m, tau_a",
        "learnt constant on rate | 'neuron: {type: rate, learn: [tau_m]}' | neuron.learn | unless neuron.type is alif or lif",
        "learnt tau_a too long  | 'neuron: {tau_a_ms: 20000, learn: [tau_a]}' | neuron.tau_a_ms | [1.0, 10000.0]",
        "e-prop with learn      | 'neuron: {learn: [tau_m]}\ntraining: {learning_rule: eprop}' | training.learning_rule | bptt when neuron.learn",
    })
    void badConfigsAreRefusedWithAClearMessage(String what, String yaml, String key, String allowed) throws IOException {
        UserError error = loadFails(yaml.replace("\\n", "\n"));
        assertTrue(error.getMessage().contains(key), what + ": names the key " + key + ": " + error.getMessage());
        assertTrue(error.getMessage().contains(allowed), what + ": says " + allowed + ": " + error.getMessage());
    }

    @Test
    void missingConfigFile() {
        UserError error = assertThrows(UserError.class, () -> ConfigLoader.load(dir.resolve("absent.yaml")));
        assertTrue(error.getMessage().contains("absent.yaml") && error.getMessage().contains("not found"));
    }

    @Test
    void missingCoordinateFile() throws IOException {
        UserError error = loadFails("space: {layout: csv, file: somas.csv}\n", "somas.csv");
        assertTrue(error.getMessage().contains("somas.csv") && error.getMessage().contains("not found"),
                error.getMessage());
    }

    @Test
    void coordinateFileWithWrongColumnCount() throws IOException {
        Files.writeString(dir.resolve("somas.csv"), "x,y,z\n" + "1,2,3\n".repeat(50) + "1,2\n" + "1,2,3\n".repeat(49));
        UserError error = loadFails("space: {layout: csv, file: somas.csv}\n", "somas.csv");
        assertTrue(error.getMessage().contains("line 52") && error.getMessage().contains("2 columns"), error.getMessage());
    }

    @Test
    void coordinateFileWithNaN() throws IOException {
        Files.writeString(dir.resolve("somas.csv"), "1,2,3\n".repeat(10) + "1,NaN,3\n" + "1,2,3\n".repeat(89));
        UserError error = loadFails("space: {layout: csv, file: somas.csv}\n", "somas.csv");
        assertTrue(error.getMessage().contains("line 11") && error.getMessage().contains("NaN"), error.getMessage());
    }

    @Test
    void coordinateFileWithTooFewRows() throws IOException {
        Files.writeString(dir.resolve("somas.csv"), "1,2,3\n".repeat(99));
        UserError error = loadFails("space: {layout: csv, file: somas.csv}\n", "somas.csv");
        assertTrue(error.getMessage().contains("99") && error.getMessage().contains("100"), error.getMessage());
    }

    @Test
    void defaultsAreTheSeRnnGridOfAlifUnits() {
        ModelConfig config = ConfigLoader.fromYaml("name: defaults\n", "inline");
        Network network = NetworkFactory.build(config, dir);
        assertEquals(100, network.nRec());
        assertEquals(8, network.nIn());
        assertEquals(4, network.nOut());
        assertEquals(NeuronType.ALIF, network.neurons().type());
    }
}
