package org.sernn.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.List;

/**
 * A model config as read from YAML (keys in snake_case). Absent keys take the defaults named
 * here; {@link ConfigValidator} checks ranges. Defaults follow docs/neurons.md: a 5 x 5 x 4 grid of
 * 100 ALIF units with Bellec et al. (2020) constants, 8 inputs and 4 outputs as in the maze task.
 */
public record ModelConfig(String name, Long seed, Sizes sizes, Space space, Neuron neuron, Weights weights,
        Input input, TaskSpec task, Training training) {

    public static final long DEFAULT_SEED = 1L;

    public ModelConfig {
        name = name == null ? "model" : name;
        seed = seed == null ? DEFAULT_SEED : seed;
        sizes = sizes == null ? new Sizes(null, null, null) : sizes;
        space = space == null ? new Space(null, null, null, null, null) : space;
        neuron = neuron == null ? new Neuron(null, null, null, null, null, null, null, null, null, null, null) : neuron;
        weights = weights == null ? new Weights(null, null, null, null) : weights;
        input = input == null ? new Input(null, null, null) : input;
        training = training == null ? new Training(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null) : training;
    }

    public ModelConfig withName(String newName) {
        return new ModelConfig(newName, seed, sizes, space, neuron, weights, input, task, training);
    }

    public ModelConfig withSeed(long newSeed) {
        return new ModelConfig(name, newSeed, sizes, space, neuron, weights, input, task, training);
    }

    public ModelConfig withTask(TaskSpec newTask) {
        return new ModelConfig(name, seed, sizes, space, neuron, weights, input, newTask, training);
    }

    public ModelConfig withTraining(Training newTraining) {
        return new ModelConfig(name, seed, sizes, space, neuron, weights, input, task, newTraining);
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
     * {@code tau_m_range_ms} and {@code tau_a_range_ms} (optional, [min, max]) draw per-unit time
     * constants whose decays exp(-dt / tau) are uniform between those of min and max, as sparch
     * initialises adLIF's alpha and beta (Bittar and Garner 2022); the adLIF types default to
     * sparch's [5, 25] and [30, 120] ms, v_th = 1 and n_ref = 0, and draw their a and b uniformly in
     * their ranges. {@code learn} (optional, ALIF/LIF only) lists the time constants that BPTT
     * learns per unit: tau_m, tau_a ({@link LearnableTimeConstant}).
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
            @JsonProperty("tau_m_distribution") TauDistribution tauMDistribution,
            @JsonProperty("tau_m_range_ms") List<Double> tauMRangeMs,
            @JsonProperty("tau_a_range_ms") List<Double> tauARangeMs,
            List<String> learn) {
        public Neuron {
            type = type == null ? NeuronType.ALIF : type;
            boolean adlif = type == NeuronType.ADLIF || type == NeuronType.ADLIF_SYMPLECTIC;
            alifFraction = alifFraction == null ? (type == NeuronType.ALIF ? 1.0 : 0.0) : alifFraction;
            activation = activation == null ? Activation.RELU : activation;
            dtMs = dtMs == null ? 1.0 : dtMs;
            tauMMs = tauMMs == null ? 20.0 : tauMMs;
            tauAMs = tauAMs == null ? 2000.0 : tauAMs;
            beta = beta == null ? 0.0174 : beta;
            vTh = vTh == null ? (adlif ? 1.0 : 0.6) : vTh;
            nRef = nRef == null ? (adlif ? 0 : 5) : nRef;
            tauOutMs = tauOutMs == null ? 20.0 : tauOutMs;
            tauMRangeMs = tauMRangeMs == null ? (adlif ? List.of(5.0, 25.0) : null) : List.copyOf(tauMRangeMs);
            tauARangeMs = tauARangeMs == null ? (adlif ? List.of(30.0, 120.0) : null) : List.copyOf(tauARangeMs);
            learn = learn == null ? List.of() : List.copyOf(learn);
        }

        /** Without {@code learn}: no time constant is learnt. */
        public Neuron(NeuronType type, Double alifFraction, Activation activation, Double dtMs, Double tauMMs,
                Double tauAMs, Double beta, Double vTh, Integer nRef, Double tauOutMs,
                TauDistribution tauMDistribution, List<Double> tauMRangeMs, List<Double> tauARangeMs) {
            this(type, alifFraction, activation, dtMs, tauMMs, tauAMs, beta, vTh, nRef, tauOutMs, tauMDistribution,
                    tauMRangeMs, tauARangeMs, null);
        }

        /**
         * The time constants named in {@code learn}, in {@link LearnableTimeConstant} order (names
         * are checked by the config validator; unknown ones are left out here).
         */
        public EnumSet<LearnableTimeConstant> learnedTimeConstants() {
            EnumSet<LearnableTimeConstant> set = EnumSet.noneOf(LearnableTimeConstant.class);
            learn.forEach(name -> LearnableTimeConstant.ofConfigName(name).ifPresent(set::add));
            return set;
        }

        /** Without the per-unit time-constant ranges (fixed tau_m and tau_a, or a Gamma tau_m). */
        public Neuron(NeuronType type, Double alifFraction, Activation activation, Double dtMs, Double tauMMs,
                Double tauAMs, Double beta, Double vTh, Integer nRef, Double tauOutMs,
                TauDistribution tauMDistribution) {
            this(type, alifFraction, activation, dtMs, tauMMs, tauAMs, beta, vTh, nRef, tauOutMs, tauMDistribution,
                    null, null, null);
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

    /**
     * The task a model is trained and evaluated on (absent: {@code simulate} uses the background
     * drive). Each task step lasts {@code steps_per_task_step} simulation steps; the loss is taken on
     * the readout over the final {@code loss_window} task steps, or over every step with
     * {@code loss_over: sequence}. The keys from {@code path} on belong to the recorded data sets
     * ({@code sequential_image}, {@code shd}; docs/data.md) and stay null for the synthetic tasks.
     *
     * @param path           data folder (sequential_image) or HDF5 training file (shd)
     * @param testPath       HDF5 test file (shd); absent: the test split is taken from {@code path}
     * @param order          how an image becomes a sequence (sequential_image)
     * @param encoding       how intensities become inputs (sequential_image)
     * @param deltaThreshold change of intensity that emits a delta spike (encoding delta)
     * @param maxDurationMs  recording time kept per trial (shd)
     */
    public record TaskSpec(String name, Integer stepsPerTaskStep, Integer lossWindow, Boolean shuffledLabels,
            Integer trainTrials, Integer validationTrials, Integer testTrials, Double inputNoiseStd, LossSpan lossOver,
            String path, String testPath, SequenceOrder order, SequenceEncoding encoding, Double deltaThreshold,
            Double maxDurationMs) {
        /** The maze with every default. */
        public static final TaskSpec DEFAULT = new TaskSpec(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        public TaskSpec {
            name = name == null ? "maze" : name;
            stepsPerTaskStep = stepsPerTaskStep == null ? 1 : stepsPerTaskStep;
            lossWindow = lossWindow == null ? 1 : lossWindow;
            shuffledLabels = shuffledLabels != null && shuffledLabels;
            trainTrials = trainTrials == null ? 5120 : trainTrials;
            validationTrials = validationTrials == null ? 2560 : validationTrials;
            testTrials = testTrials == null ? 2560 : testTrials;
            inputNoiseStd = inputNoiseStd == null ? 0.0 : inputNoiseStd;
            lossOver = lossOver == null ? LossSpan.WINDOW : lossOver;
        }

        /** The same task with other split sizes. */
        public TaskSpec withTrials(int train, int validation, int test) {
            return new TaskSpec(name, stepsPerTaskStep, lossWindow, shuffledLabels, train, validation, test,
                    inputNoiseStd, lossOver, path, testPath, order, encoding, deltaThreshold, maxDurationMs);
        }
    }

    /** How a model is trained (Adam; defaults of the original seRNN: lr 1e-3, 10 epochs, batch 128). */
    public record Training(LearningRuleKind learningRule, Integer epochs, Integer batchSize, Double learningRate,
            Double adamBeta1, Double adamBeta2, Double adamEpsilon, Double gradClipNorm, SurrogateSpec surrogate,
            Boolean detachReset, RegulariserSpec regulariser, RateRegulariserSpec rateRegulariser,
            Boolean trainInput, EpropSpec eprop) {
        public Training {
            learningRule = learningRule == null ? LearningRuleKind.BPTT : learningRule;
            epochs = epochs == null ? 10 : epochs;
            batchSize = batchSize == null ? 128 : batchSize;
            learningRate = learningRate == null ? 1e-3 : learningRate;
            adamBeta1 = adamBeta1 == null ? 0.9 : adamBeta1;
            adamBeta2 = adamBeta2 == null ? 0.999 : adamBeta2;
            adamEpsilon = adamEpsilon == null ? 1e-7 : adamEpsilon;
            gradClipNorm = gradClipNorm == null ? 0.0 : gradClipNorm;
            surrogate = surrogate == null ? new SurrogateSpec(null, null, null) : surrogate;
            detachReset = detachReset != null && detachReset;
            regulariser = regulariser == null ? new RegulariserSpec(null, null, null, null, null, null) : regulariser;
            rateRegulariser = rateRegulariser == null ? new RateRegulariserSpec(null, null) : rateRegulariser;
            trainInput = trainInput == null || trainInput;
            eprop = eprop == null ? new EpropSpec(null) : eprop;
        }

        public Training withEpochs(int newEpochs) {
            return new Training(learningRule, newEpochs, batchSize, learningRate, adamBeta1, adamBeta2, adamEpsilon,
                    gradClipNorm, surrogate, detachReset, regulariser, rateRegulariser, trainInput, eprop);
        }

        public Training withRegulariser(RegulariserSpec newRegulariser) {
            return new Training(learningRule, epochs, batchSize, learningRate, adamBeta1, adamBeta2, adamEpsilon,
                    gradClipNorm, surrogate, detachReset, newRegulariser, rateRegulariser, trainInput, eprop);
        }

        public Training withLearningRule(LearningRuleKind newRule) {
            return new Training(newRule, epochs, batchSize, learningRate, adamBeta1, adamBeta2, adamEpsilon,
                    gradClipNorm, surrogate, detachReset, regulariser, rateRegulariser, trainInput, eprop);
        }
    }

    /** Settings of e-prop (used when {@code learning_rule} is {@code eprop}): the feedback matrix B. */
    public record EpropSpec(FeedbackKind feedback) {
        public EpropSpec {
            feedback = feedback == null ? FeedbackKind.SYMMETRIC : feedback;
        }
    }

    /**
     * Pseudo-derivative of the spike function (docs/learning.md): {@code triangle} (Bellec,
     * gamma 0.3), {@code fast_sigmoid} (SuperSpike, slope) or {@code multi_gaussian} (Yin et al.
     * 2021, gamma 0.5), all of x = (v - A) / v_th.
     */
    public record SurrogateSpec(SurrogateKind kind, Double gamma, Double slope) {
        public SurrogateSpec {
            kind = kind == null ? SurrogateKind.TRIANGLE : kind;
            gamma = gamma == null ? (kind == SurrogateKind.MULTI_GAUSSIAN ? 0.5 : 0.3) : gamma;
            slope = slope == null ? 25.0 : slope;
        }
    }

    /**
     * The structural penalty on W_rec (docs/regulariser.md): {@code none}, {@code l1},
     * {@code spatial} (|W| D), {@code communicability} (|W| C) or {@code sernn} (|W| D C).
     */
    public record RegulariserSpec(RegulariserKind kind, Double lambda, StrengthDirection strength,
            CommsGradient gradient, Double commsFactor, Double epsilon) {
        public RegulariserSpec {
            kind = kind == null ? RegulariserKind.NONE : kind;
            lambda = lambda == null ? 0.0 : lambda;
            strength = strength == null ? StrengthDirection.OUT : strength;
            gradient = gradient == null ? CommsGradient.FULL : gradient;
            commsFactor = commsFactor == null ? 1.0 : commsFactor;
            epsilon = epsilon == null ? 1e-12 : epsilon;
        }
    }

    /** Firing-rate regulariser c_reg sum_j (f_j - f_target)^2 (Bellec et al. 2020); 0 disables it. */
    public record RateRegulariserSpec(Double cReg, Double targetHz) {
        public RateRegulariserSpec {
            cReg = cReg == null ? 0.0 : cReg;
            targetHz = targetHz == null ? 10.0 : targetHz;
        }
    }
}
