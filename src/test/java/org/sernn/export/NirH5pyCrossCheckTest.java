package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.model.Network;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.task.PoissonEncoder;

/**
 * Reads a written NIR file with h5py the way the reference {@code nir} package does
 * (nir/serialization.py: {@code node["type"][()] == b"LIF"}, edges decoded from bytes) and runs the
 * graph in NumPy from the file's parameters alone: alpha = exp(-dt/tau), gain r (1 - alpha),
 * subtractive reset as the metadata says. Its spike counts must equal sernn's. Skipped where
 * /usr/bin/python3 with h5py is not installed.
 */
class NirH5pyCrossCheckTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = String.join("\n",
            "import sys, h5py, numpy as np",
            "f = h5py.File(sys.argv[1], 'r')",
            "assert f['node/type'][()] == b'NIRGraph'",
            "nodes = f['node/nodes']",
            "for name in sorted(nodes):",
            "    n = nodes[name]",
            "    params = ' '.join(k + ':' + n[k].dtype.str for k in sorted(n) if k not in ('type', 'metadata'))",
            "    print(name, n['type'][()].decode('utf8'), params)",
            "print(sorted((a.decode('utf8'), b.decode('utf8')) for a, b in f['node/edges'][()]))",
            "lif = nodes['lif']",
            "assert lif['metadata/reset'][()].decode('utf8').startswith('subtract')",
            "dt = float(lif['metadata/dt'][()])",
            "alpha = np.exp(-dt / lif['tau'][()])",
            "gain = lif['r'][()] * (1 - alpha)",
            "vth = lif['v_threshold'][()]",
            "w_in = nodes['w_in/weight'][()].astype(float)",
            "bias = nodes['w_in/bias'][()].astype(float)",
            "w_rec = nodes['w_rec/weight'][()].astype(float)",
            "x = np.load(sys.argv[2])['x']",
            "v = np.zeros(len(vth)); z = np.zeros(len(vth)); counts = np.zeros(len(vth), dtype=int)",
            "for t in range(x.shape[0]):",
            "    v = alpha * v + gain * (w_in @ x[t] + bias + w_rec @ z) - vth * z",
            "    z = (v > vth).astype(float)",
            "    counts += z.astype(int)",
            "print(' '.join(str(c) for c in counts))");

    @TempDir
    Path dir;

    @Test
    void h5pyReadsTheGraphAndNumpyRunsItToTheSameSpikes() throws IOException, InterruptedException {
        assumeTrue(h5pyAvailable(), "no /usr/bin/python3 with h5py");
        Network network = NirRoundTripTest.float32Weights(NirRoundTripTest.network(
                "{type: lif, n_ref: 0, tau_out_ms: 20, tau_m_distribution: {shape: 3}}"));
        Path nir = dir.resolve("model.nir");
        NirFile.write(nir, NirExporter.toGraph(network).graph());
        int steps = 400;
        InputBatch input = PoissonEncoder.background(1, steps, network.nIn(), 80.0, 1.0, new SplittableRandom(8));
        Path x = dir.resolve("x.npz");
        Npz.write(x, Map.of("x", NpyArray.ofDoubles(input.values(), steps, network.nIn())));

        List<String> lines = run(PYTHON, "-c", SCRIPT, nir.toString(), x.toString());

        assertEquals(List.of(
                "input Input shape:<i8",
                "lif LIF r:<f8 tau:<f8 v_leak:<f8 v_reset:<f8 v_threshold:<f8",
                "output Output shape:<i8",
                "readout LI r:<f8 tau:<f8 v_leak:<f8",
                "w_in Affine bias:<f4 weight:<f4",
                "w_out Affine bias:<f4 weight:<f4",
                "w_rec Linear weight:<f4",
                "[('input', 'w_in'), ('lif', 'w_out'), ('lif', 'w_rec'), ('readout', 'output'), ('w_in', 'lif'), "
                        + "('w_out', 'readout'), ('w_rec', 'lif')]"), lines.subList(0, 8));
        long[] counts = new EventSimulator().run(network, input, RecordOptions.SPIKES_ONLY).spikes().countsPerUnit();
        String expected = String.join(" ", Arrays.stream(counts).mapToObj(Long::toString).toList());
        assertEquals(expected, lines.get(8));
        assertEquals(true, Arrays.stream(counts).sum() > 100, "the network is active");
    }

    private static boolean h5pyAvailable() throws InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", "import h5py, numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }
}
