package org.sernn.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.io.NpyArray;
import org.sernn.io.NpyFormatException;
import org.sernn.io.Npz;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;

/**
 * Everything a checkpoint holds besides the network so that {@code --resume} continues
 * bit-identically: Adam's moments ({@code adam_m_*}, {@code adam_v_*}) and step count, the number
 * of completed epochs and the metrics rows so far. Random streams need no state ({@link TrainingSeeds}).
 */
public record TrainingState(int epochsDone, Params firstMoment, Params secondMoment, long adamStep,
        List<EpochMetrics> metricsRows) {

    public Map<String, NpyArray> arrays() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("epochs_done", NpyArray.ofInts(new int[] {epochsDone}));
        arrays.put("adam_step", NpyArray.ofLongs(new long[] {adamStep}));
        put(arrays, "adam_m_", firstMoment);
        put(arrays, "adam_v_", secondMoment);
        arrays.put("metrics_csv", NpyArray.ofString(String.join("\n",
                metricsRows.stream().map(EpochMetrics::csvRow).toList())));
        return arrays;
    }

    private static void put(Map<String, NpyArray> arrays, String prefix, Params p) {
        double[][] values = p.arrays();
        for (int k = 0; k < values.length; k++) {
            arrays.put(prefix + Params.NAMES[k], NpyArray.ofDoubles(values[k], values[k].length));
        }
    }

    /** Reads the state saved with a network; the file must come from {@code train}. */
    public static TrainingState read(Map<String, NpyArray> arrays, Network network, Path file) {
        try {
            int epochs = Npz.require(arrays, file, "epochs_done").asInts()[0];
            long step = Npz.require(arrays, file, "adam_step").asLongs()[0];
            Params m = Params.of(network).zerosLike();
            Params v = m.zerosLike();
            read(arrays, file, "adam_m_", m);
            read(arrays, file, "adam_v_", v);
            String csv = Npz.require(arrays, file, "metrics_csv").asString();
            List<EpochMetrics> rows = new ArrayList<>();
            for (String row : csv.isEmpty() ? new String[0] : csv.split("\n")) {
                rows.add(EpochMetrics.parseCsvRow(row));
            }
            return new TrainingState(epochs, m, v, step, rows);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": metrics_csv: " + e.getMessage() + " (is this a checkpoint written by train?)",
                    e);
        } catch (NpyFormatException e) {
            throw new UserError(e.getMessage() + " (is this a checkpoint written by train?)", e);
        }
    }

    private static void read(Map<String, NpyArray> arrays, Path file, String prefix, Params into)
            throws NpyFormatException {
        double[][] targets = into.arrays();
        for (int k = 0; k < targets.length; k++) {
            double[] values = Npz.requireShape(arrays, file, prefix + Params.NAMES[k], targets[k].length).asDoubles();
            System.arraycopy(values, 0, targets[k], 0, values.length);
        }
    }

    /** Writes network and state atomically. */
    public void write(Path file, Network network) {
        NetworkCheckpoint.write(file, network, arrays());
    }
}
