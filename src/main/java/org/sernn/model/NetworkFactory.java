package org.sernn.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.sernn.linalg.DenseMatrix;
import org.sernn.linalg.WeightMatrix;
import org.sernn.space.BoxLayout;
import org.sernn.space.CsvLayout;
import org.sernn.space.GridLayout;
import org.sernn.space.MinMaxNormalisation;
import org.sernn.space.Positions;
import org.sernn.util.Permutations;

/**
 * Builds a freshly initialised {@link Network} from a validated config. The same config and seed
 * give a bit-identical network: each part draws from its own stream split off the seed in a fixed
 * order (positions, unit parameters, w_in, w_rec, w_out).
 */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /** @param configDir directory that relative paths in the config (coordinate files) refer to */
    public static Network build(ModelConfig config, Path configDir) {
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom positionRandom = root.split();
        SplittableRandom unitRandom = root.split();
        SplittableRandom inRandom = root.split();
        SplittableRandom recRandom = root.split();
        SplittableRandom outRandom = root.split();

        ModelConfig.Sizes sizes = config.sizes();
        int nRec = sizes.recurrent();
        Positions positions = positions(config.space(), nRec, configDir, positionRandom);
        NeuronParams neurons = neuronParams(config.neuron(), config.weights().dale(), nRec, unitRandom);
        boolean spiking = neurons.type().isSpiking();

        ModelConfig.Weights weights = config.weights();
        DenseMatrix wIn = WeightInitializer.draw(weights.wIn(), nRec, sizes.inputs(), inRandom);
        WeightMatrix wRec = WeightInitializer.drawRecurrent(weights.wRec(), nRec, spiking,
                weights.dale() != null ? neurons.excitatory() : null, recRandom);
        DenseMatrix wOut = WeightInitializer.draw(weights.wOut(), sizes.outputs(), nRec, outRandom);
        return new Network(config, positions, neurons, wIn, wRec, wOut, new double[nRec], new double[sizes.outputs()]);
    }

    private static Positions positions(ModelConfig.Space space, int nRec, Path configDir, SplittableRandom random) {
        Positions positions = switch (space.layout()) {
            case GRID -> GridLayout.positions(space.grid().get(0), space.grid().get(1), space.grid().get(2));
            case BOX -> BoxLayout.positions(nRec, space.box().get(0), space.box().get(1), space.box().get(2), random);
            case CSV -> CsvLayout.read(configDir.resolve(space.file()), nRec);
        };
        return space.normalise() ? MinMaxNormalisation.apply(positions) : positions;
    }

    private static NeuronParams neuronParams(ModelConfig.Neuron neuron, ModelConfig.Dale dale, int n,
            SplittableRandom random) {
        double[] tauM = new double[n];
        Arrays.fill(tauM, neuron.tauMMs());
        ModelConfig.TauDistribution distribution = neuron.tauMDistribution();
        if (distribution != null) {
            // Heterogeneous membrane time constants, Gamma(shape, tau_m / shape) clamped (Sheeran et al. 2024).
            GammaDistribution gamma = new GammaDistribution(new Well19937c(random.nextLong()), distribution.shape(),
                    neuron.tauMMs() / distribution.shape());
            for (int i = 0; i < n; i++) {
                tauM[i] = Math.min(distribution.maxMs(), Math.max(distribution.minMs(), gamma.sample()));
            }
        }
        if (neuron.tauMRangeMs() != null) {
            tauM = uniformDecays(n, neuron.dtMs(), neuron.tauMRangeMs(), random);
        }
        double[] tauA = neuron.tauARangeMs() != null ? uniformDecays(n, neuron.dtMs(), neuron.tauARangeMs(), random)
                : filled(n, neuron.tauAMs());
        double[] vTh = filled(n, neuron.vTh());
        int[] nRef = new int[n];
        Arrays.fill(nRef, neuron.nRef());
        double[] beta = new double[n];
        for (int unit : chosenUnits(n, neuron.alifFraction(), random)) {
            beta[unit] = neuron.beta();
        }
        boolean[] excitatory = new boolean[n];
        if (dale == null) {
            Arrays.fill(excitatory, true);
        } else {
            for (int unit : chosenUnits(n, dale.excitatoryFraction(), random)) {
                excitatory[unit] = true;
            }
        }
        NeuronParams.Builder builder = NeuronParams.builder(neuron.type(), n).activation(neuron.activation())
                .dtMs(neuron.dtMs()).tauOutMs(neuron.tauOutMs()).tauMMs(tauM).tauAMs(tauA).beta(beta).vTh(vTh)
                .nRef(nRef).excitatory(excitatory).learnedTimeConstants(neuron.learnedTimeConstants());
        for (UnitParameter parameter : neuron.type().extraParameters()) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = parameter.initMin() + (parameter.initMax() - parameter.initMin()) * random.nextDouble();
            }
            builder.extra(parameter, values);
        }
        return builder.build();
    }

    /**
     * Time constants whose decays exp(-dt / tau) are uniform between those of range [min, max] ms:
     * sparch's initialisation of adLIF's alpha and beta (Bittar and Garner 2022).
     */
    private static double[] uniformDecays(int n, double dtMs, List<Double> rangeMs, SplittableRandom random) {
        double low = Math.exp(-dtMs / rangeMs.get(0));
        double high = Math.exp(-dtMs / rangeMs.get(1));
        double[] tauMs = new double[n];
        for (int j = 0; j < n; j++) {
            double decay = low + (high - low) * random.nextDouble();
            tauMs[j] = Math.min(rangeMs.get(1), Math.max(rangeMs.get(0), -dtMs / Math.log(decay)));
        }
        return tauMs;
    }

    /** round(fraction * n) distinct units, chosen uniformly with a seeded Fisher-Yates shuffle. */
    private static int[] chosenUnits(int n, double fraction, SplittableRandom random) {
        return Arrays.copyOf(Permutations.random(n, random), (int) Math.round(fraction * n));
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }
}
