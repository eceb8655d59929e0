package org.sernn.task;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Arrays;
import org.sernn.UserError;
import org.sernn.io.Hdf5Files;

/**
 * Labelled spike recordings in the layout of the Spiking Heidelberg Digits and Spiking Speech
 * Commands (Cramer et al., IEEE TNNLS 2020): {@code spikes/times} (one variable-length float array
 * per example, seconds), {@code spikes/units} (one variable-length uint16 array per example, the
 * channel 0..699 of each spike), {@code labels} (uint16); {@code extra/...} is not needed. jhdf reads
 * the variable-length arrays directly (as float, double or int arrays). Each example is binned on
 * reading: a spike at t seconds falls into bin floor(1000 t / binMs), spikes from bin {@code bins}
 * on are dropped, and a bin holds 1 if its channel spiked at least once in it.
 *
 * @param labels the class of each example
 * @param events per example, the sorted distinct codes bin * CHANNELS + channel of its spikes
 */
record SpikeRecordings(int[] labels, int[][] events, String source) {
    /** Input channels of SHD and SSC (the cochlea model's 700 fibres). */
    static final int CHANNELS = 700;

    int count() {
        return labels.length;
    }

    int maxLabel() {
        return Arrays.stream(labels).max().orElse(-1);
    }

    static SpikeRecordings read(Path file, double binMs, int bins) {
        return Hdf5Files.read(file, hdf -> {
            Object[] times = vlen(file, hdf, "spikes/times");
            Object[] units = vlen(file, hdf, "spikes/units");
            int[] labels = labels(file, hdf);
            if (times.length != units.length || times.length != labels.length) {
                throw new UserError(file + ": spikes/times, spikes/units and labels must have one entry per example; "
                        + "they have " + times.length + ", " + units.length + " and " + labels.length);
            }
            int[][] events = new int[labels.length][];
            for (int example = 0; example < labels.length; example++) {
                events[example] = bin(file, example, seconds(file, times[example]), channels(file, units[example]),
                        binMs, bins);
            }
            return new SpikeRecordings(labels, events, file.toString());
        });
    }

    private static int[] bin(Path file, int example, double[] seconds, int[] units, double binMs, int bins) {
        if (seconds.length != units.length) {
            throw new UserError(file + ": example " + example + " has " + seconds.length + " spike times but "
                    + units.length + " units; they must match");
        }
        int[] codes = new int[seconds.length];
        int kept = 0;
        for (int spike = 0; spike < seconds.length; spike++) {
            double t = seconds[spike];
            int unit = units[spike];
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new UserError(file + ": spikes/times of example " + example + " holds " + t
                        + "; spike times must be finite seconds >= 0");
            }
            if (unit < 0 || unit >= CHANNELS) {
                throw new UserError(file + ": spikes/units of example " + example + " holds " + unit
                        + "; channels must be in 0.." + (CHANNELS - 1));
            }
            double bin = Math.floor(t * 1000.0 / binMs);
            if (bin < bins) {
                codes[kept++] = (int) bin * CHANNELS + unit;
            }
        }
        return Arrays.stream(codes, 0, kept).sorted().distinct().toArray();
    }

    private static Object[] vlen(Path file, HdfFile hdf, String path) {
        Dataset dataset = dataset(file, hdf, path);
        if (dataset.getDimensions().length != 1 || !(dataset.getData() instanceof Object[] arrays)) {
            throw new UserError(file + ": " + path + " must be a one-dimensional dataset of variable-length arrays");
        }
        return arrays;
    }

    private static int[] labels(Path file, HdfFile hdf) {
        Dataset dataset = dataset(file, hdf, "labels");
        if (!(dataset.getData() instanceof int[] labels) || dataset.getDimensions().length != 1) {
            throw new UserError(file + ": labels must be a one-dimensional uint16 dataset");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new UserError(file + ": label " + labels[i] + " of example " + i + " must be >= 0");
            }
        }
        return labels;
    }

    private static Dataset dataset(Path file, HdfFile hdf, String path) {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            throw new UserError(file + ": has no dataset " + path + " (SHD/SSC files hold spikes/times, spikes/units "
                    + "and labels)");
        }
        if (!(node instanceof Dataset dataset)) {
            throw new UserError(file + ": " + path + " is a group, not a dataset");
        }
        return dataset;
    }

    private static double[] seconds(Path file, Object array) {
        if (array instanceof float[] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
        if (array instanceof double[] d) {
            return d;
        }
        throw new UserError(file + ": spikes/times must hold floating-point arrays (seconds)");
    }

    private static int[] channels(Path file, Object array) {
        if (array instanceof int[] units) {
            return units;
        }
        if (array instanceof short[] s) {
            int[] out = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = s[i] & 0xFFFF;
            }
            return out;
        }
        throw new UserError(file + ": spikes/units must hold unsigned 16-bit integer arrays (channels)");
    }
}
