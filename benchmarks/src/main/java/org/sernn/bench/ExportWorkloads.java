package org.sernn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.sim.SpikeRaster;

/**
 * Writes each benchmark workload for the peers and the result table: {@code DIR/NAME.npz} with the
 * network (sparse weights as (pre, post, w) triples, per-unit parameters), the input spike trains
 * and the event engine's raster; and {@code DIR/workloads.json} with each workload's firing rate
 * and synaptic events per run (properties of the activity, the same for both engines).
 *
 * <pre>
 * java -cp benchmarks.jar org.sernn.bench.ExportWorkloads DIR [--npz NAME,NAME] [WORKLOAD ...]
 * </pre>
 * Without workload names, every workload is described; npz files are written only for the
 * workloads named after --npz (default: the two main networks).
 */
public final class ExportWorkloads {
    private ExportWorkloads() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> npz = List.of(Workload.N1000.name(), Workload.N10000.name());
        List<Workload> workloads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--npz")) {
                npz = Arrays.asList(args[++i].split(","));
            } else {
                workloads.add(Workload.named(args[i]));
            }
        }
        if (workloads.isEmpty()) {
            workloads = Workload.all();
        }
        Files.createDirectories(dir);
        Map<String, Object> all = new LinkedHashMap<>();
        for (Workload workload : workloads) {
            Network network = workload.network();
            InputBatch input = workload.input();
            Recording recording = new EventSimulator().run(network, input, RecordOptions.SPIKES_ONLY);
            Map<String, Object> info = describe(workload, network, input, recording);
            if (npz.contains(workload.name())) {
                Path file = dir.resolve(workload.name() + ".npz");
                writeNpz(file, workload, network, input, recording);
                info.put("npz", file.getFileName().toString());
            }
            all.put(workload.name(), info);
            System.out.printf(Locale.ROOT, "%-10s n=%-6d p=%.2f input %5.0f Hz: rate %6.1f Hz, %,d synaptic events/run%n",
                    workload.name(), workload.nRec(), workload.connectionProb(), workload.inputRateHz(),
                    info.get("rate_hz"), recording.counts().synapticEvents());
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = dir.resolve("workloads.json");
        Path temp = Files.createTempFile(dir, "workloads", ".tmp");
        json.writeValue(temp.toFile(), all);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> describe(Workload workload, Network network, InputBatch input,
            Recording recording) {
        long inputSpikes = 0;
        long inputEvents = 0;
        int[] inFanOut = fanOut(network.wIn());
        for (int t = 0; t < input.steps(); t++) {
            for (int c = 0; c < input.channels(); c++) {
                if (input.value(0, t, c) != 0.0) {
                    inputSpikes++;
                    inputEvents += inFanOut[c];
                }
            }
        }
        int[] recFanOut = fanOut(network.wRec());
        int[] outFanOut = fanOut(network.wOut());
        long recurrentEvents = 0;
        long readoutEvents = 0;
        for (int unit : recording.spikes().unit()) {
            recurrentEvents += recFanOut[unit];
            readoutEvents += outFanOut[unit];
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("n_rec", workload.nRec());
        info.put("n_in", Workload.INPUTS);
        info.put("n_out", Workload.OUTPUTS);
        info.put("connection_prob", workload.connectionProb());
        info.put("w_in_gain", workload.wInGain());
        info.put("w_rec_gain", workload.wRecGain());
        info.put("input_rate_hz", workload.inputRateHz());
        info.put("steps", Workload.STEPS);
        info.put("dt_ms", Workload.DT_MS);
        info.put("recurrent_synapses", network.wRec().countNonZero());
        info.put("input_synapses", network.wIn().countNonZero());
        info.put("spikes", recording.counts().spikes());
        info.put("rate_hz", workload.rateHz(recording.counts().spikes()));
        info.put("input_spikes", inputSpikes);
        info.put("synaptic_events", recording.counts().synapticEvents());
        info.put("input_events", inputEvents);
        info.put("recurrent_events", recurrentEvents);
        info.put("readout_events", readoutEvents);
        info.put("neuron_updates", recording.counts().neuronUpdates());
        info.put("dense_macs", recording.counts().denseMacs());
        if (inputEvents + recurrentEvents + readoutEvents != recording.counts().synapticEvents()) {
            throw new IllegalStateException("event breakdown does not add up for " + workload.name());
        }
        return info;
    }

    /** Non-zero entries per column (presynaptic index) of a (post, pre) matrix. */
    private static int[] fanOut(DenseMatrix postByPre) {
        int pres = postByPre.cols();
        double[] w = postByPre.toArray();
        int[] sizes = new int[pres];
        for (int k = 0; k < w.length; k++) {
            if (w[k] != 0.0) {
                sizes[k % pres]++;
            }
        }
        return sizes;
    }

    private static void writeNpz(Path file, Workload workload, Network network, InputBatch input,
            Recording recording) throws IOException {
        NeuronParams p = network.neurons();
        Map<String, NpyArray> npz = new LinkedHashMap<>();
        npz.put("n_rec", ints(workload.nRec()));
        npz.put("n_in", ints(Workload.INPUTS));
        npz.put("n_out", ints(Workload.OUTPUTS));
        npz.put("steps", ints(Workload.STEPS));
        npz.put("dt_ms", doubles(Workload.DT_MS));
        npz.put("tau_out_ms", doubles(p.tauOutMs()));
        npz.put("tau_m_ms", doubles(p.tauMMs()));
        npz.put("tau_a_ms", doubles(p.tauAMs()));
        npz.put("beta", doubles(p.beta()));
        npz.put("v_th", doubles(p.vTh()));
        npz.put("n_ref", ints(p.nRef()));
        npz.put("alpha", doubles(p.alpha()));
        npz.put("rho", doubles(p.rho()));
        npz.put("b_rec", doubles(network.bRec()));
        putSynapses(npz, "in", network.wIn());
        putSynapses(npz, "rec", network.wRec());
        putSynapses(npz, "out", network.wOut());
        List<int[]> inputSpikes = new ArrayList<>();
        for (int t = 0; t < input.steps(); t++) {
            for (int c = 0; c < input.channels(); c++) {
                if (input.value(0, t, c) != 0.0) {
                    inputSpikes.add(new int[] {t, c});
                }
            }
        }
        npz.put("input_step", ints(inputSpikes.stream().mapToInt(s -> s[0]).toArray()));
        npz.put("input_channel", ints(inputSpikes.stream().mapToInt(s -> s[1]).toArray()));
        SpikeRaster raster = recording.spikes();
        npz.put("java_spike_step", ints(raster.step()));
        npz.put("java_spike_unit", ints(raster.unit()));
        Npz.write(file, npz);
    }

    /** A 1-D int32 array (a scalar as one element, as the peers read it). */
    private static NpyArray ints(int... values) {
        return NpyArray.ofInts(values, values.length);
    }

    /** A 1-D float64 array (a scalar as one element, as the peers read it). */
    private static NpyArray doubles(double... values) {
        return NpyArray.ofDoubles(values, values.length);
    }

    /** Non-zero synapses of a (post, pre) matrix as {prefix}_pre, {prefix}_post, {prefix}_w. */
    private static void putSynapses(Map<String, NpyArray> npz, String prefix, DenseMatrix postByPre) {
        int count = postByPre.countNonZero();
        int[] pre = new int[count];
        int[] post = new int[count];
        double[] weight = new double[count];
        double[] w = postByPre.toArray();
        int cols = postByPre.cols();
        int k = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] != 0.0) {
                post[k] = i / cols;
                pre[k] = i % cols;
                weight[k] = w[i];
                k++;
            }
        }
        npz.put(prefix + "_pre", ints(pre));
        npz.put(prefix + "_post", ints(post));
        npz.put(prefix + "_w", doubles(weight));
    }
}
