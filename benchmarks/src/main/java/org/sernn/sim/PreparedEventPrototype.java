package org.sernn.sim;

import java.util.Arrays;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Network;

/**
 * BENCHMARK-ONLY PROTOTYPE, not part of sernn: changes to {@link EventSimulator} that the
 * benchmark's profile suggests, kept here (in the engine's package, for its package-private
 * {@link SpikingUnits} and {@link SpikeRaster.Builder}) so that their gain can be measured side by
 * side with the shipped engine ({@code Csr} copies FanOut, whose constructor is private).
 *
 * <p>The first two suggestions, the CSR fan-out lists built once per network instead of at every
 * {@code run}, and built in row-major passes instead of FanOut.ofColumns' column-by-column walk
 * (one cache miss per entry: about 1.3 s for a 10,000 x 10,000 matrix), have since been adopted
 * in src (EventSimulator keeps the lists of the last network it ran); {@link #run} is that engine's
 * step loop line for line. What remains is {@link #runTuned}, a tuned step loop (see there). Both
 * give EventSimulator's raster and counts exactly (EventProfile checks this).
 */
public final class PreparedEventPrototype {
    private final Network network;
    private final Csr recurrent;
    private final Csr inputs;
    private final Csr readout;
    private final SpikingUnits units;
    private final double[] alpha;
    private final double[] rho;
    private final double[] beta;
    private final double[] vTh;
    private final int[] nRef;
    /** Recurrent plus readout fan-out of each unit. */
    private final int[] spikeEvents;

    public PreparedEventPrototype(Network network) {
        this.network = network;
        this.recurrent = fanOut(network.wRec());
        this.inputs = fanOut(network.wIn());
        this.readout = fanOut(network.wOut());
        this.units = new SpikingUnits(network.neurons());
        this.alpha = network.neurons().alpha();
        this.rho = network.neurons().rho();
        this.beta = network.neurons().beta();
        this.vTh = network.neurons().vTh();
        this.nRef = network.neurons().nRef();
        this.spikeEvents = new int[network.nRec()];
        for (int unit = 0; unit < spikeEvents.length; unit++) {
            spikeEvents[unit] = recurrent.size(unit) + readout.size(unit);
        }
    }

    /** FanOut's arrays and scatter loops (its constructor is private). */
    static final class Csr {
        final int[] start;
        final int[] target;
        final double[] weight;

        /** Targets of the lists that reach every post unit (0, 1, ..., posts - 1 in order). */
        final boolean[] full;

        Csr(int[] start, int[] target, double[] weight, int posts) {
            this.start = start;
            this.target = target;
            this.weight = weight;
            this.full = new boolean[start.length - 1];
            for (int pre = 0; pre < full.length; pre++) {
                full[pre] = size(pre) == posts;
            }
        }

        /** out[k] += weight for a list that reaches every unit: contiguous, so C2 vectorises it. */
        void denseAdd(int pre, double[] out) {
            int base = start[pre];
            for (int k = 0; k < out.length; k++) {
                out[k] += weight[base + k];
            }
        }

        int size(int pre) {
            return start[pre + 1] - start[pre];
        }

        void scatterAdd(int pre, double scale, double[] out) {
            for (int k = start[pre]; k < start[pre + 1]; k++) {
                out[target[k]] += scale * weight[k];
            }
        }

        void scatterAdd(int pre, double[] out) {
            for (int k = start[pre]; k < start[pre + 1]; k++) {
                out[target[k]] += weight[k];
            }
        }
    }

    /** The same lists as FanOut.ofColumns (targets increasing), built in row-major passes. */
    static Csr fanOut(DenseMatrix postByPre) {
        int posts = postByPre.rows();
        int pres = postByPre.cols();
        double[] w = postByPre.toArray();
        int[] start = new int[pres + 1];
        for (int post = 0; post < posts; post++) {
            int row = post * pres;
            for (int pre = 0; pre < pres; pre++) {
                if (w[row + pre] != 0.0) {
                    start[pre + 1]++;
                }
            }
        }
        for (int pre = 0; pre < pres; pre++) {
            start[pre + 1] += start[pre];
        }
        int[] next = Arrays.copyOf(start, pres);
        int[] target = new int[start[pres]];
        double[] weight = new double[start[pres]];
        for (int post = 0; post < posts; post++) {
            int row = post * pres;
            for (int pre = 0; pre < pres; pre++) {
                double value = w[row + pre];
                if (value != 0.0) {
                    int k = next[pre]++;
                    target[k] = post;
                    weight[k] = value;
                }
            }
        }
        return new Csr(start, target, weight, posts);
    }

    /** Builds the fan-out lists as the shipped engine does, for timing. */
    public static int shippedFanOutSize(DenseMatrix postByPre) {
        return FanOut.ofColumns(postByPre).target.length;
    }

    /** Builds the fan-out lists as this prototype does, for timing. */
    public static int prototypeFanOutSize(DenseMatrix postByPre) {
        return fanOut(postByPre).target.length;
    }

    /** EventSimulator.run's loop, with the prepared fan-out lists. */
    public Recording run(InputBatch input) {
        EventSimulator.requireChannels(network, input);
        int n = network.nRec();
        int nOut = network.nOut();
        int steps = input.steps();
        int channels = input.channels();
        double kappa = network.neurons().kappa();
        double[] bRec = network.bRec();
        double[] bOut = network.bOut();

        double[] v = new double[n];
        double[] a = new double[n];
        int[] refractory = new int[n];
        double[] z = new double[n];
        double[] current = new double[n];
        double[] y = new double[nOut];
        int[] spiked = new int[n];
        int[] previousSpiked = new int[n];
        double[] values = input.values();

        double[] readoutTrace = new double[input.trials() * steps * nOut];
        SpikeRaster.Builder raster = new SpikeRaster.Builder(input.trials(), steps, n);
        long spikeCount = 0;
        long events = 0;

        for (int trial = 0; trial < input.trials(); trial++) {
            Arrays.fill(v, 0.0);
            Arrays.fill(a, 0.0);
            Arrays.fill(refractory, 0);
            Arrays.fill(z, 0.0);
            Arrays.fill(y, 0.0);
            int previousCount = 0;
            for (int t = 0; t < steps; t++) {
                System.arraycopy(bRec, 0, current, 0, n);
                int inputOffset = input.offset(trial, t);
                for (int channel = 0; channel < channels; channel++) {
                    double x = values[inputOffset + channel];
                    if (x != 0.0) {
                        inputs.scatterAdd(channel, x, current);
                        events += inputs.size(channel);
                    }
                }
                for (int s = 0; s < previousCount; s++) {
                    recurrent.scatterAdd(previousSpiked[s], current);
                }
                int row = trial * steps + t;
                int count = units.step(current, v, a, refractory, z, 0, spiked, null, row * n);
                for (int o = 0; o < nOut; o++) {
                    y[o] = kappa * y[o] + bOut[o];
                }
                for (int s = 0; s < count; s++) {
                    int unit = spiked[s];
                    readout.scatterAdd(unit, y);
                    events += recurrent.size(unit) + readout.size(unit);
                    raster.add(trial, t, unit);
                }
                spikeCount += count;
                System.arraycopy(y, 0, readoutTrace, row * nOut, nOut);
                int[] swap = previousSpiked;
                previousSpiked = spiked;
                spiked = swap;
                previousCount = count;
            }
        }
        OpCounts counts = new OpCounts(spikeCount, events, (long) input.trials() * steps * n,
                DenseSimulator.denseMacs(network, input));
        return new Recording(input.trials(), steps, n, nOut, raster.build(), readoutTrace, null, null, counts);
    }

    /**
     * The step loop with the per-step changes the profile points at, same arithmetic in the same
     * order (so the same raster, bit for bit):
     * <ul>
     *   <li>unit update in two passes: a branch-free pass C2 vectorises (v = alpha v + I, a = rho a,
     *       and I reset to b_rec for the next step), then the reset of the previous step's spikers
     *       only (v -= v_th, a += 1: the z_{t-1} terms), then a threshold scan whose branch is
     *       rarely taken; refractoriness as "blocked until step" instead of a counter decremented
     *       for every unit;</li>
     *   <li>an input channel connected to every unit adds its weight column as a contiguous loop
     *       (vectorised; x = 1 for a spike, so x w = w exactly);</li>
     *   <li>the raster grows by half from a size guessed at 20 Hz instead of doubling from 16, and
     *       each unit's spike fan-out is summed once.</li>
     * </ul>
     */
    public Recording runTuned(InputBatch input) {
        EventSimulator.requireChannels(network, input);
        int n = network.nRec();
        int nOut = network.nOut();
        int steps = input.steps();
        int channels = input.channels();
        double kappa = network.neurons().kappa();
        double[] bRec = network.bRec();
        double[] bOut = network.bOut();

        double[] v = new double[n];
        double[] a = new double[n];
        int[] blockedUntil = new int[n];
        double[] current = new double[n];
        double[] y = new double[nOut];
        int[] spiked = new int[n];
        int[] previousSpiked = new int[n];
        double[] values = input.values();

        double[] readoutTrace = new double[input.trials() * steps * nOut];
        int capacity = Math.max(1024, (int) Math.min(Integer.MAX_VALUE - 8, (long) input.trials() * steps * n / 50));
        int[] rasterStep = new int[capacity];
        int[] rasterUnit = new int[capacity];
        int[] trialStart = new int[input.trials() + 1];
        int rasterSize = 0;
        long events = 0;

        for (int trial = 0; trial < input.trials(); trial++) {
            Arrays.fill(v, 0.0);
            Arrays.fill(a, 0.0);
            Arrays.fill(blockedUntil, Integer.MIN_VALUE);
            Arrays.fill(y, 0.0);
            System.arraycopy(bRec, 0, current, 0, n);
            int previousCount = 0;
            for (int t = 0; t < steps; t++) {
                int inputOffset = input.offset(trial, t);
                for (int channel = 0; channel < channels; channel++) {
                    double x = values[inputOffset + channel];
                    if (x != 0.0) {
                        if (x == 1.0 && inputs.full[channel]) {
                            inputs.denseAdd(channel, current);
                        } else {
                            inputs.scatterAdd(channel, x, current);
                        }
                        events += inputs.size(channel);
                    }
                }
                for (int s = 0; s < previousCount; s++) {
                    recurrent.scatterAdd(previousSpiked[s], current);
                }
                // v_t = alpha v_{t-1} + I_t - v_th z_{t-1};  a_t = rho a_{t-1} + z_{t-1}
                for (int j = 0; j < n; j++) {
                    v[j] = alpha[j] * v[j] + current[j];
                    a[j] = rho[j] * a[j];
                    current[j] = bRec[j];
                }
                for (int s = 0; s < previousCount; s++) {
                    int j = previousSpiked[s];
                    v[j] -= vTh[j];
                    a[j] += 1.0;
                }
                // z_t = H(v_t - v_th - beta a_t), blocked for n_ref steps after a spike
                int count = 0;
                for (int j = 0; j < n; j++) {
                    if (v[j] > vTh[j] + beta[j] * a[j] && t > blockedUntil[j]) {
                        blockedUntil[j] = t + nRef[j];
                        spiked[count++] = j;
                    }
                }
                int row = trial * steps + t;
                for (int o = 0; o < nOut; o++) {
                    y[o] = kappa * y[o] + bOut[o];
                }
                if (rasterSize + count > rasterStep.length) {
                    int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(rasterSize + (long) count,
                            rasterStep.length + (long) rasterStep.length / 2));
                    rasterStep = Arrays.copyOf(rasterStep, grown);
                    rasterUnit = Arrays.copyOf(rasterUnit, grown);
                }
                for (int s = 0; s < count; s++) {
                    int unit = spiked[s];
                    readout.scatterAdd(unit, y);
                    events += spikeEvents[unit];
                    rasterStep[rasterSize] = t;
                    rasterUnit[rasterSize++] = unit;
                }
                System.arraycopy(y, 0, readoutTrace, row * nOut, nOut);
                int[] swap = previousSpiked;
                previousSpiked = spiked;
                spiked = swap;
                previousCount = count;
            }
            trialStart[trial + 1] = rasterSize;
        }
        SpikeRaster raster = new SpikeRaster(input.trials(), steps, n, trialStart,
                Arrays.copyOf(rasterStep, rasterSize), Arrays.copyOf(rasterUnit, rasterSize));
        OpCounts counts = new OpCounts(rasterSize, events, (long) input.trials() * steps * n,
                DenseSimulator.denseMacs(network, input));
        return new Recording(input.trials(), steps, n, nOut, raster, readoutTrace, null, null, counts);
    }
}
