package org.sernn.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs the trials of a batch on several threads: a fixed partition into contiguous parts (part k of p
 * holds trials [k T / p, (k + 1) T / p)), each part run with its own engine state by whichever worker
 * is free, and the recordings joined in trial order. Trials never interact, so the joined recording
 * equals the serial run's bit for bit as long as a part computes each trial as the whole batch would.
 * More parts than workers balance the load when trials differ in cost or a core is shared. A part
 * reads its trials in place: nothing of the input is copied.
 */
final class TrialParts {
    private TrialParts() {
    }

    /** Runs trials [from, to) of the batch, recorded as trials 0 .. to - from - 1. */
    @FunctionalInterface
    interface Part {
        Recording run(int from, int to);
    }

    /**
     * Runs {@code runPart} on each of up to {@code threads * partsPerThread} parts of {@code trials} trials
     * on up to {@code threads} threads and joins the results.
     */
    static Recording run(int trials, int threads, int partsPerThread, Part runPart) {
        int parts = (int) Math.min(trials, (long) threads * partsPerThread);
        int workerCount = Math.min(threads, parts);
        if (workerCount <= 1) {
            return runPart.run(0, trials);
        }
        ExecutorService workers = Executors.newFixedThreadPool(workerCount, task -> {
            Thread thread = new Thread(task, "sernn-trials");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Recording>> futures = new ArrayList<>(parts);
            for (int k = 0; k < parts; k++) {
                int from = first(k, parts, trials);
                int to = first(k + 1, parts, trials);
                futures.add(workers.submit(() -> runPart.run(from, to)));
            }
            List<Recording> recordings = new ArrayList<>(parts);
            for (Future<Recording> future : futures) {
                recordings.add(await(future));
            }
            return join(recordings);
        } finally {
            workers.shutdownNow();
        }
    }

    /** The first trial of part k of {@code parts}. */
    static int first(int part, int parts, int trials) {
        return (int) ((long) part * trials / parts);
    }

    private static Recording await(Future<Recording> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running trials", e);
        }
    }

    /** The recordings of consecutive trial ranges as one recording of all their trials. */
    static Recording join(List<Recording> parts) {
        Recording head = parts.get(0);
        int trials = 0;
        OpCounts counts = OpCounts.ZERO;
        for (Recording part : parts) {
            trials += part.trials();
            counts = counts.plus(part.counts());
        }
        return new Recording(trials, head.steps(), head.nRec(), head.nOut(), joinRasters(parts, trials),
                concat(parts, Recording::readout), concat(parts, Recording::voltage),
                concat(parts, Recording::threshold), concat(parts, Recording::activation), counts);
    }

    private static double[] concat(List<Recording> parts, Function<Recording, double[]> field) {
        if (field.apply(parts.get(0)) == null) {
            return null;
        }
        int length = 0;
        for (Recording part : parts) {
            length += field.apply(part).length;
        }
        double[] joined = new double[length];
        int at = 0;
        for (Recording part : parts) {
            double[] values = field.apply(part);
            System.arraycopy(values, 0, joined, at, values.length);
            at += values.length;
        }
        return joined;
    }

    private static SpikeRaster joinRasters(List<Recording> parts, int trials) {
        int events = 0;
        for (Recording part : parts) {
            events += part.spikes().count();
        }
        int[] trialStart = new int[trials + 1];
        int[] step = new int[events];
        int[] unit = new int[events];
        int trial = 0;
        int at = 0;
        for (Recording part : parts) {
            SpikeRaster raster = part.spikes();
            for (int t = 0; t < raster.trials(); t++) {
                trialStart[trial + t] = at + raster.trialStart()[t];
            }
            trial += raster.trials();
            System.arraycopy(raster.step(), 0, step, at, raster.count());
            System.arraycopy(raster.unit(), 0, unit, at, raster.count());
            at += raster.count();
        }
        trialStart[trials] = at;
        SpikeRaster head = parts.get(0).spikes();
        return new SpikeRaster(trials, head.steps(), head.units(), trialStart, step, unit);
    }
}
