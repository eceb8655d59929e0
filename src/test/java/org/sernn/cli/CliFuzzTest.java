package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.export.NirEdge;
import org.sernn.export.NirFile;
import org.sernn.export.NirGraph;
import org.sernn.export.NirNode;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.model.ModelSource;
import org.sernn.model.NetworkCheckpoint;

/**
 * sernn's own fuzz suite (issue 16, item 6): seeded mutations of configs, hardware profiles,
 * checkpoints and NIR files, each run through the command line in this JVM ({@code export ... --format
 * npz}, which reads, validates and builds the model and writes a checkpoint). Every outcome must be
 * a success that wrote a loadable checkpoint, or exit 2 with one line and no output left behind;
 * never an uncaught exception. The seeds are fixed, so a failure names the case that reproduces it.
 */
class CliFuzzTest {
    private static final long SEED = 16;
    private static final int CONFIGS = 350;
    private static final int PROFILES = 200;
    private static final int CHECKPOINTS = 300;
    private static final int NIR_FILES = 200;

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();
    private final List<String> sampleRefusals = new ArrayList<>();
    private int successes;
    private int refusals;

    @Test
    void mutatedConfigs() throws IOException {
        String valid = HostileInputTest.SMALL;
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CONFIGS; i++) {
            Mutations.Mutant mutant = Mutations.yaml(valid, random);
            Path input = Files.write(dir.resolve("config-" + i + ".yaml"), mutant.bytes());
            check("config " + i + " (" + mutant.description() + ")", i, input, input.toString());
        }
        report(CONFIGS);
    }

    @Test
    void mutatedProfiles() throws IOException {
        Path model = checkpoint();
        String valid = Files.readString(Path.of("hardware-profiles/loihi.yaml"));
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < PROFILES; i++) {
            Mutations.Mutant mutant = Mutations.yaml(valid, random);
            Path profile = Files.write(dir.resolve("profile-" + i + ".yaml"), mutant.bytes());
            check("profile " + i + " (" + mutant.description() + ")", i, profile, model.toString(), "--profile",
                    profile.toString());
        }
        report(PROFILES);
    }

    @Test
    void mutatedCheckpoints() throws IOException {
        Path model = checkpoint();
        byte[] valid = Files.readAllBytes(model);
        Map<String, NpyArray> arrays = new LinkedHashMap<>(Npz.read(model));
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int i = 0; i < CHECKPOINTS; i++) {
            Path input = dir.resolve("checkpoint-" + i + ".npz");
            String what = mutate(input, valid, random, () -> ArrayMutations.write(input, arrays, random));
            check("checkpoint " + i + " (" + what + ")", i, input, input.toString());
        }
        report(CHECKPOINTS);
    }

    @Test
    void mutatedNirFiles() throws IOException {
        Path nir = dir.resolve("valid.nir");
        assertEquals(0, CliRunner.run("export", checkpoint().toString(), "--format", "nir", "--out", nir.toString())
                .exitCode());
        byte[] valid = Files.readAllBytes(nir);
        NirGraph graph = NirFile.read(nir);
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int i = 0; i < NIR_FILES; i++) {
            Path input = dir.resolve("graph-" + i + ".nir");
            String what = mutate(input, valid, random, () -> NirMutations.write(input, graph, random));
            check("NIR file " + i + " (" + what + ")", i, input, input.toString(), "--dt-ms", "1");
        }
        report(NIR_FILES);
    }

    /** A mutation that understands the file's structure; returns what it did. */
    @FunctionalInterface
    private interface StructuralMutation {
        String write() throws IOException;
    }

    /**
     * Writes to {@code input} either a byte-level mutation of {@code valid} or, with equal probability,
     * the structural one; returns its description.
     */
    private static String mutate(Path input, byte[] valid, SplittableRandom random, StructuralMutation structural)
            throws IOException {
        if (random.nextBoolean()) {
            Mutations.Mutant mutant = Mutations.bytes(valid, random);
            Files.write(input, mutant.bytes());
            return mutant.description();
        }
        return structural.write();
    }

    private Path checkpoint() throws IOException {
        Path model = dir.resolve("valid.npz");
        NetworkCheckpoint.write(model, ModelSource.load(Files.writeString(dir.resolve("valid.yaml"),
                HostileInputTest.SMALL)));
        return model;
    }

    /** Exports {@code input} (plus options) to npz and checks the outcome against the promise. */
    private void check(String what, int index, Path mutated, String input, String... options) throws IOException {
        Path outFolder = dir.resolve("out-" + index);
        Path out = outFolder.resolve("model.npz");
        List<String> args = new ArrayList<>(List.of("export", input, "--format", "npz", "--out", out.toString()));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        int code;
        try {
            code = CliRunner.run(err, args.toArray(String[]::new));
        } catch (Throwable uncaught) {
            failures.add(what + ": uncaught " + uncaught);
            cleanUp(outFolder);
            return;
        }
        if (code == 0) {
            successes++;
            try {
                NetworkCheckpoint.read(out);
            } catch (RuntimeException unreadable) {
                failures.add(what + ": exit 0 but the output does not load: " + unreadable.getMessage());
            }
        } else if (code == Main.USER_ERROR) {
            refusals++;
            String line = err.toString().strip();
            if (refusals % 40 == 1) {
                sampleRefusals.add(what + " -> " + line);
            }
            if (!line.startsWith("sernn: ") || line.contains("\n") || line.contains("Exception")) {
                failures.add(what + ": not one line: " + err);
            }
            if (Files.exists(outFolder) && !isEmpty(outFolder)) {
                failures.add(what + ": refused but left " + outFolder);
            }
        } else {
            failures.add(what + ": exit " + code + ": " + err);
        }
        cleanUp(outFolder);
        Files.deleteIfExists(mutated);
    }

    private void report(int inputs) {
        System.out.printf("fuzz: %d inputs, %d succeeded, %d refused in one line, %d broke the promise%n", inputs,
                successes, refusals, failures.size());
        sampleRefusals.forEach(line -> System.out.println("  e.g. " + line));
        assertEquals(inputs, successes + refusals + failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " broke the promise, e.g.:\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        assertTrue(refusals > inputs / 4, "the mutations reach the checks: " + refusals + " refusals");
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    private static void cleanUp(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    /** Graph-level damage that still makes a well-formed HDF5 file. */
    static final class NirMutations {
        private static final List<String> TYPES = List.of("LIF", "CubaLIF", "LI", "Affine", "Linear", "Input",
                "Output", "IF", "Scale", "Threshold", "Conv1d");

        private NirMutations() {
        }

        static String write(Path file, NirGraph graph, SplittableRandom random) {
            Map<String, NirNode> nodes = new LinkedHashMap<>(graph.nodes());
            List<NirEdge> edges = new ArrayList<>(graph.edges());
            List<String> names = new ArrayList<>(nodes.keySet());
            String name = names.get(random.nextInt(names.size()));
            NirNode node = nodes.get(name);
            String what;
            switch (random.nextInt(5)) {
                case 0 -> {
                    String type = TYPES.get(random.nextInt(TYPES.size()));
                    nodes.put(name, NirNode.of(type, node.params(), node.metadata()));
                    what = name + " became " + type;
                }
                case 1 -> {
                    nodes.remove(name);
                    edges.removeIf(e -> e.source().equals(name) || e.target().equals(name));
                    what = name + " removed";
                }
                case 2 -> {
                    if (!edges.isEmpty()) {
                        edges.remove(random.nextInt(edges.size()));
                    }
                    what = "an edge removed";
                }
                case 3 -> {
                    String target = names.get(random.nextInt(names.size()));
                    edges.add(new NirEdge(name, target));
                    what = "edge " + name + " -> " + target + " added";
                }
                default -> {
                    Map<String, Object> params = new LinkedHashMap<>(node.params());
                    List<String> keys = new ArrayList<>(params.keySet());
                    String key = keys.isEmpty() ? "x" : keys.get(random.nextInt(keys.size()));
                    Object value = List.of(new double[] {Double.NaN}, new double[] {-1}, new double[] {1e300},
                            new double[][] {{1, 2}, {3, 4}}, new long[] {Long.MAX_VALUE}, "text")
                            .get(random.nextInt(6));
                    params.put(key, value);
                    nodes.put(name, node.subgraph() != null ? node : NirNode.of(node.type(), params, node.metadata()));
                    what = name + "." + key + " replaced";
                }
            }
            NirFile.write(file, new NirGraph(nodes, edges));
            return what;
        }
    }
}
