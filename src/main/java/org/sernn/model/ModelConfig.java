package org.sernn.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A model config as read from YAML (keys in snake_case). Absent keys take the defaults named
 * here; {@link ConfigValidator} checks ranges. Defaults follow REFERENCE.md: a 5 x 5 x 4 grid of
 * 100 ALIF units with Bellec et al. (2020) constants, 8 inputs and 4 outputs as in the maze task.
 */
public record ModelConfig(String name, Long seed, Sizes sizes, Space space, Neuron neuron, Weights weights,
        Input input) {

    public static final long DEFAULT_SEED = 1L;

    public ModelConfig {
        name = name == null ? "model" : name;
        seed = seed == null ? DEFAULT_SEED : seed;
        sizes = sizes == null ? new Sizes(null, null, null) : sizes;
        space = space == null ? new Space(null, null, null, null, null) : space;
        neuron = neuron == null ? new Neuron(null, null, null, null, null, null, null, null, null, null, null) : neuron;
        weights = weights == null ? new Weights(null, null, null, null) : weights;
        input = input == null ? new Input(null, null, null) : input;
    }

    /** Layer sizes. */
    public record Sizes(Integer inputs, Integer recurrent, Integer outputs) {
        public Sizes {
            inputs = inputs == null ? 8 : inputs;
            recurrent = recurrent == null ? 100 : recurrent;
            outputs = outputs == null ? 4 : outputs;
        }
    }

    /** Placement of the recurrent units; {@code file} is relative to the config file. */
    public record Space(SpaceLayout layout, List<Integer> grid, List<Double> box, String file, Boolean normalise) {
        public Space {
            layout = layout == null ? SpaceLayout.GRID : layout;
            grid = grid == null ? List.of(5, 5, 4) : List.copyOf(grid);
            box = box == null ? List.of(1.0, 1.0, 1.0) : List.copyOf(box);
            normalise = normalise != null && normalise;
        }
    }

    /**
     * Recurrent unit parameters. Spiking units follow the discrete ALIF of Bellec et al. (2020);
     * {@code alif_fraction} of them (chosen at random with the seed) adapt, the rest are LIF.
     */
    public record Neuron(
            NeuronType type,
            Double alifFraction,
            Activation activation,
            Double dtMs,
            @JsonProperty("tau_m_ms") Double tauMMs,
            @JsonProperty("tau_a_ms") Double tauAMs,
            Double beta,
            Double vTh,
            Integer nRef,
            Double tauOutMs,
            @JsonProperty("tau_m_distribution") TauDistribution tauMDistribution) {
        public Neuron {
            type = type == null ? NeuronType.ALIF : type;
            alifFraction = alifFraction == null ? (type == NeuronType.ALIF ? 1.0 : 0.0) : alifFraction;
            activation = activation == null ? Activation.RELU : activation;
            dtMs = dtMs == null ? 1.0 : dtMs;
            tauMMs = tauMMs == null ? 20.0 : tauMMs;
            tauAMs = tauAMs == null ? 2000.0 : tauAMs;
            beta = beta == null ? 0.0174 : beta;
            vTh = vTh == null ? 0.6 : vTh;
            nRef = nRef == null ? 5 : nRef;
            tauOutMs = tauOutMs == null ? 20.0 : tauOutMs;
        }
    }

    /**
     * Heterogeneous membrane time constants, tau_m ~ Gamma(shape, tau_m / shape) clamped to
     * [min_ms, max_ms], as in the spiking seRNN (Sheeran et al. 2024: shape 3, 1.5..100 ms).
     */
    public record TauDistribution(Double shape, Double minMs, Double maxMs) {
        public TauDistribution {
            shape = shape == null ? 3.0 : shape;
            minMs = minMs == null ? 1.5 : minMs;
            maxMs = maxMs == null ? 100.0 : maxMs;
        }
    }

    /** Initialisation of each weight matrix, and optionally Dale's law on the recurrent one. */
    public record Weights(WeightInit wIn, WeightInit wRec, WeightInit wOut, Dale dale) {
        public Weights {
            wIn = wIn == null ? new WeightInit(WeightInitKind.GAUSSIAN, null, null) : wIn;
            wRec = wRec == null ? new WeightInit(WeightInitKind.ORTHOGONAL, null, null) : wRec;
            wOut = wOut == null ? new WeightInit(WeightInitKind.GAUSSIAN, null, null) : wOut;
        }
    }

    /** One matrix's initialisation: kind, gain and the probability that a connection exists. */
    public record WeightInit(WeightInitKind init, Double gain, Double connectionProb) {
        public WeightInit {
            init = init == null ? WeightInitKind.GAUSSIAN : init;
            gain = gain == null ? 1.0 : gain;
            connectionProb = connectionProb == null ? 1.0 : connectionProb;
        }
    }

    /**
     * Dale's law: each recurrent unit is excitatory (all outgoing recurrent weights >= 0) or
     * inhibitory (all <= 0); {@code excitatory_fraction} of the units, chosen with the seed, excite.
     */
    public record Dale(Double excitatoryFraction) {
        public Dale {
            excitatoryFraction = excitatoryFraction == null ? 0.8 : excitatoryFraction;
        }
    }

    /** How inputs are delivered, and the default drive used when a model has no task. */
    public record Input(InputEncoding encoding, Double maxRateHz, Background background) {
        public Input {
            encoding = encoding == null ? InputEncoding.CURRENT : encoding;
            maxRateHz = maxRateHz == null ? 100.0 : maxRateHz;
            background = background == null ? new Background(null, null) : background;
        }
    }

    /** Poisson spikes on every input channel at {@code rate_hz} for {@code duration_ms}. */
    public record Background(Double rateHz, Double durationMs) {
        public Background {
            rateHz = rateHz == null ? 20.0 : rateHz;
            durationMs = durationMs == null ? 1000.0 : durationMs;
        }
    }
}
