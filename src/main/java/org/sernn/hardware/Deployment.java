package org.sernn.hardware;

import java.util.Arrays;
import org.sernn.UserError;
import org.sernn.model.Network;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.train.Evaluation;
import org.sernn.train.TaskTrials;

/**
 * Measures a trained network on a target: task accuracy over device seeds (mean and spread) at a
 * time since programming, and energy per inference from the event engine's counts (dense engine
 * for rate networks).
 */
public final class Deployment {
    /** Read times for the drift curve: 1 s, 1 min, 1 h, 1 day, 1 week, 1 month, 1 year. */
    public static final double[] DRIFT_TIMES_SECONDS = {1, 60, 3600, 86_400, 604_800, 2_629_800, 31_557_600};

    private final Network trained;
    private final HardwareTarget target;
    private final TaskTrials trials;

    public Deployment(Network trained, HardwareTarget target, TaskTrials trials) {
        if (!trials.hasLabels()) {
            throw new UserError("the model has no task section, so there is no accuracy to deploy for");
        }
        this.trained = trained;
        this.target = target;
        this.trials = trials;
    }

    /** Accuracy of device instances deviceSeed0, deviceSeed0 + 1, ... read under the given conditions. */
    public SeedAccuracy accuracy(int seeds, long deviceSeed0, double secondsSinceProgramming, boolean compensate) {
        double[] perSeed = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            long deviceSeed = deviceSeed0 + s;
            Network deployed = target.apply(trained,
                    new DeviceConditions(deviceSeed, secondsSinceProgramming, compensate));
            Recording recording = target.simulator(trained, deviceSeed).run(deployed, trials.input(),
                    RecordOptions.SPIKES_ONLY);
            perSeed[s] = Evaluation.accuracy(recording, trials.labels(), trials.lossMask());
        }
        return new SeedAccuracy(perSeed);
    }

    /** Accuracy of the network as trained (float64, no target). */
    public double floatAccuracy() {
        return Evaluation.accuracy(trained, trials.input(), trials.labels(), trials.lossMask());
    }

    /** Energy per inference and NeuroBench metrics of one deployed network. */
    public record Estimate(EnergyBreakdown energy, NeuroBenchMetrics neurobench) {
    }

    /** Energy and NeuroBench metrics of device instance {@code deviceSeed} (fit not required: an estimate). */
    public Estimate estimate(long deviceSeed, PlacementOptions placement) {
        Network deployed = target.applyUnchecked(trained, DeviceConditions.fresh(deviceSeed));
        return estimateOf(deployed, target.profile(), trials.input(), placement);
    }

    /**
     * Energy per inference of {@code network} run on {@code input} under the profile's figures (null
     * when the profile gives none or is null), and its NeuroBench metrics at the profile's precision
     * (float32 for a null profile).
     */
    public static Estimate estimateOf(Network network, HardwareProfile profile, InputBatch input,
            PlacementOptions placement) {
        Recording recording = network.neurons().type().isSpiking()
                ? new EventSimulator().run(network, input, RecordOptions.WITH_STATES)
                : new DenseSimulator().run(network, input, RecordOptions.WITH_STATES);
        EnergyBreakdown energy = profile == null || profile.energy() == null ? null
                : new EnergyModel(profile).perInference(network, recording, input, placement);
        return new Estimate(energy, NeuroBenchMetrics.measure(network, input, recording, StoragePrecision.of(profile)));
    }

    /** Accuracy of each device instance, with mean and sample standard deviation. */
    public record SeedAccuracy(double[] perSeed) {
        public double mean() {
            return Arrays.stream(perSeed).average().orElse(Double.NaN);
        }

        public double std() {
            if (perSeed.length < 2) {
                return 0.0;
            }
            double mean = mean();
            double sum = 0;
            for (double a : perSeed) {
                sum += (a - mean) * (a - mean);
            }
            return Math.sqrt(sum / (perSeed.length - 1));
        }
    }
}
