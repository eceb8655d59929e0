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
            int epochs = scalar(Npz.values(Npz.require(arrays, file, "epochs_done"), file, "epochs_done",
                    NpyArray::asLongs), file, "epochs_done", Integer.MAX_VALUE);
            long step = scalar(Npz.values(Npz.require(arrays, file, "adam_step"), file, "adam_step", NpyArray::asLongs),
                    file, "adam_step", Long.MAX_VALUE);
            Params m = Params.of(network).zerosLike();
            Params v = m.zerosLike();
            read(arrays, file, "adam_m_", m);
            read(arrays, file, "adam_v_", v);
            String csv = Npz.values(Npz.require(arrays, file, "metrics_csv"), file, "metrics_csv", NpyArray::asString);
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
            String key = prefix + Params.NAMES[k];
            double[] values = Npz.values(Npz.requireShape(arrays, file, key, targets[k].length), file, key,
                    NpyArray::asDoubles);
            System.arraycopy(values, 0, targets[k], 0, values.length);
        }
    }

    /** The one value of a counter array, which must lie in [0, max]. */
    private static int scalar(long[] values, Path file, String key, int max) throws NpyFormatException {
        return (int) scalar(values, file, key, (long) max);
    }

    private static long scalar(long[] values, Path file, String key, long max) throws NpyFormatException {
        if (values.length != 1 || values[0] < 0 || values[0] > max) {
            throw new NpyFormatException(file + ": array '" + key + "' must hold one count in [0, " + max + "], holds "
                    + java.util.Arrays.toString(values));
        }
        return values[0];
    }

    /** Writes network and state atomically. */
    public void write(Path file, Network network) {
        NetworkCheckpoint.write(file, network, arrays());
    }
}
