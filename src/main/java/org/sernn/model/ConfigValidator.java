package org.sernn.model;

import java.util.List;
import org.sernn.UserError;

/** Range checks on a bound {@link ModelConfig}; each failure names the source, key, value and range. */
final class ConfigValidator {
    private static final int MAX_UNITS = 1_000_000;
    private static final int MAX_NAME_CHARS = 200;
    /** The largest n whose n x n matrix fits one Java array ({@link MemoryBudget#MAX_ARRAY_ELEMENTS}). */
    static final int MAX_RECURRENT = 46_340;

    private ConfigValidator() {
    }

    static void validate(ModelConfig config, String source) {
        Check check = new Check(source);
        if (config.name() != null && (config.name().length() > MAX_NAME_CHARS || config.name().chars()
                .anyMatch(Character::isISOControl))) {
            check.fail("name", "of " + config.name().length() + " characters", "at most " + MAX_NAME_CHARS
                    + " characters without control characters (it titles plots and reports)");
        }
        ModelConfig.Sizes sizes = config.sizes();
        check.intRange("sizes.inputs", sizes.inputs(), 1, MAX_UNITS);
        long n = sizes.recurrent();
        if (n < 1 || n > MAX_RECURRENT) {
            check.fail("sizes.recurrent", n, "a whole number in [1, " + MAX_RECURRENT + "]: the n x n weights and "
                    + "distances must each fit one Java array" + (n > MAX_RECURRENT ? " (" + n + " units would need "
                    + MemoryBudget.gib(16 * n * n) + " of memory)" : ""));
        }
        check.intRange("sizes.outputs", sizes.outputs(), 1, MAX_UNITS);
        requireMemory(sizes, source);
        validateSpace(config.space(), sizes.recurrent(), check);
        validateNeuron(config.neuron(), check);
        validateWeights(config.weights(), check);
        if (config.task() != null) {
            validateTask(config.task(), check);
            validateRecordedTask(config.task(), config.input().encoding(), check);
        }
        validateTraining(config.training(), check);
        if (config.training().learningRule() == LearningRuleKind.EPROP && !config.neuron().type().isSpiking()) {
            check.fail("training.learning_rule", "eprop", "bptt for rate units (e-prop needs spiking units)");
        }
        if (config.training().learningRule() == LearningRuleKind.EPROP && !config.neuron().learn().isEmpty()) {
            check.fail("training.learning_rule", "eprop", "bptt when neuron.learn is set (e-prop's eligibility "
                    + "traces carry no time-constant gradients; e-prop learns the weights only)");
        }
        ModelConfig.Input input = config.input();
        check.positive("input.max_rate_hz", input.maxRateHz());
        check.range("input.background.rate_hz", input.background().rateHz(), 0, Double.MAX_VALUE);
        check.positive("input.background.duration_ms", input.background().durationMs());
        if (input.maxRateHz() * config.neuron().dtMs() / 1000.0 > 1.0) {
            check.fail("input.max_rate_hz", input.maxRateHz(), "at most 1000 / dt_ms = "
                    + 1000.0 / config.neuron().dtMs() + " Hz (one spike per step)");
        }
    }

    /**
     * The network's own arrays: the n x n recurrent weights and distances, the input and output
     * weights, 8 bytes each (training and simulation need more on top, per trial).
     */
    private static void requireMemory(ModelConfig.Sizes sizes, String source) {
        long n = sizes.recurrent();
        long square = MemoryBudget.times(n, n);
        long inputs = MemoryBudget.times(n, sizes.inputs());
        long outputs = MemoryBudget.times(n, sizes.outputs());
        long largest = Math.max(square, Math.max(inputs, outputs));
        MemoryBudget.require(source + ": key 'sizes.recurrent' = " + n + " (with sizes.inputs = " + sizes.inputs()
                + ", sizes.outputs = " + sizes.outputs() + ")", largest,
                MemoryBudget.times(8, 2 * square + inputs + outputs), "its weight and distance matrices");
    }

    private static void validateSpace(ModelConfig.Space space, int recurrent, Check check) {
        switch (space.layout()) {
            case GRID -> {
                List<Integer> grid = space.grid();
                check.listSize("space.grid", grid, 3);
                long product = 1;
                for (int axis = 0; axis < 3; axis++) {
                    check.intRange("space.grid[" + axis + "]", grid.get(axis), 1, MAX_UNITS);
                    product *= grid.get(axis);
                }
                if (product != recurrent) {
                    check.fail("space.grid", grid, "a grid with sizes.recurrent = " + recurrent
                            + " positions (this one has " + product + ")");
                }
            }
            case BOX -> {
                check.listSize("space.box", space.box(), 3);
                for (int axis = 0; axis < 3; axis++) {
                    check.positive("space.box[" + axis + "]", space.box().get(axis));
                }
            }
            case CSV -> {
                if (space.file() == null || space.file().isBlank()) {
                    check.fail("space.file", space.file(), "the path of a CSV of x, y, z coordinates (layout csv)");
                }
            }
        }
    }

    private static void validateNeuron(ModelConfig.Neuron neuron, Check check) {
        // the ranges every NeuronParams is held to, so that a config is refused before the network is built
        check.physical("neuron.dt_ms", neuron.dtMs(), PhysicalRange.POSITIVE);
        check.physical("neuron.tau_m_ms", neuron.tauMMs(), PhysicalRange.POSITIVE);
        check.physical("neuron.tau_a_ms", neuron.tauAMs(), PhysicalRange.POSITIVE);
        check.physical("neuron.tau_out_ms", neuron.tauOutMs(), PhysicalRange.NON_NEGATIVE);
        check.physical("neuron.beta", neuron.beta(), PhysicalRange.NON_NEGATIVE);
        check.physical("neuron.v_th", neuron.vTh(), PhysicalRange.POSITIVE);
        check.intRange("neuron.n_ref", neuron.nRef(), 0, 1_000_000);
        check.range("neuron.alif_fraction", neuron.alifFraction(), 0, 1);
        validateTauRange("neuron.tau_m_range_ms", neuron.tauMRangeMs(), check);
        validateTauRange("neuron.tau_a_range_ms", neuron.tauARangeMs(), check);
        if (neuron.type() == NeuronType.ADLIF || neuron.type() == NeuronType.ADLIF_SYMPLECTIC) {
            // sparch's adLIF: fixed threshold 1, no refractory period, decays drawn per unit
            check.range("neuron.v_th", neuron.vTh(), 1.0, 1.0);
            check.intRange("neuron.n_ref", neuron.nRef(), 0, 0);
            if (neuron.tauMDistribution() != null) {
                check.fail("neuron.tau_m_distribution", "set", "absent for adLIF units (use tau_m_range_ms)");
            }
        }
        if (neuron.type() != NeuronType.ALIF && neuron.alifFraction() != 0.0) {
            check.fail("neuron.alif_fraction", neuron.alifFraction(), "0 unless neuron.type is alif");
        }
        validateLearn(neuron, check);
        ModelConfig.TauDistribution tau = neuron.tauMDistribution();
        if (tau != null) {
            check.positive("neuron.tau_m_distribution.shape", tau.shape());
            check.positive("neuron.tau_m_distribution.min_ms", tau.minMs());
            check.range("neuron.tau_m_distribution.max_ms", tau.maxMs(), tau.minMs(), Double.MAX_VALUE);
        }
    }

    /** neuron.learn: known names, ALIF/LIF units only, initial values inside the range kept while learning. */
    private static void validateLearn(ModelConfig.Neuron neuron, Check check) {
        for (String name : neuron.learn()) {
            if (LearnableTimeConstant.ofConfigName(name).isEmpty()) {
                check.fail("neuron.learn", name, "a list of " + LearnableTimeConstant.allowedNames());
            }
        }
        if (neuron.learn().isEmpty()) {
            return;
        }
        if (neuron.type() != NeuronType.ALIF && neuron.type() != NeuronType.LIF) {
            check.fail("neuron.learn", neuron.learn(), "absent unless neuron.type is alif or lif (adLIF learns its "
                    + "decays always; rate units have none)");
        }
        for (LearnableTimeConstant learnt : neuron.learnedTimeConstants()) {
            double initialMs = learnt == LearnableTimeConstant.TAU_M ? neuron.tauMMs() : neuron.tauAMs();
            check.range("neuron." + learnt.key(), initialMs, learnt.minMs(neuron.dtMs()), learnt.maxMs());
        }
    }

    private static void validateTauRange(String key, List<Double> rangeMs, Check check) {
        if (rangeMs == null) {
            return;
        }
        check.listSize(key, rangeMs, 2);
        check.physical(key + "[0]", rangeMs.get(0), PhysicalRange.POSITIVE);
        check.range(key + "[1]", rangeMs.get(1), rangeMs.get(0), Double.MAX_VALUE);
    }

    private static void validateWeights(ModelConfig.Weights weights, Check check) {
        validateInit("weights.w_in", weights.wIn(), false, check);
        validateInit("weights.w_rec", weights.wRec(), true, check);
        validateInit("weights.w_out", weights.wOut(), false, check);
        if (weights.dale() != null) {
            check.range("weights.dale.excitatory_fraction", weights.dale().excitatoryFraction(), 0, 1);
        }
    }

    private static void validateTask(ModelConfig.TaskSpec task, Check check) {
        if (!TaskNames.ALL.contains(task.name())) {
            check.fail("task.name", task.name(), "one of " + String.join(", ", TaskNames.ALL));
        }
        check.intRange("task.steps_per_task_step", task.stepsPerTaskStep(), 1, 100_000);
        check.intRange("task.loss_window", task.lossWindow(), 1, 100_000);
        check.intRange("task.train_trials", task.trainTrials(), 1, 10_000_000);
        check.intRange("task.validation_trials", task.validationTrials(), 1, 10_000_000);
        check.intRange("task.test_trials", task.testTrials(), 1, 10_000_000);
        check.range("task.input_noise_std", task.inputNoiseStd(), 0, Double.MAX_VALUE);
        Integer taskSteps = TaskNames.TASK_STEPS.get(task.name());
        if (taskSteps != null && task.lossWindow() > taskSteps) {
            check.fail("task.loss_window", task.lossWindow(), "at most the " + taskSteps + " task steps of a "
                    + task.name() + " trial");
        }
    }

    /** The keys of the recorded data sets: each only where it means something (docs/data.md). */
    private static void validateRecordedTask(ModelConfig.TaskSpec task, InputEncoding inputEncoding, Check check) {
        boolean image = TaskNames.SEQUENTIAL_IMAGE.equals(task.name());
        boolean shd = TaskNames.SHD.equals(task.name());
        String recorded = "absent unless task.name is " + TaskNames.SEQUENTIAL_IMAGE + " or " + TaskNames.SHD;
        String imageOnly = "absent unless task.name is " + TaskNames.SEQUENTIAL_IMAGE;
        String shdOnly = "absent unless task.name is " + TaskNames.SHD;
        check.absentUnless(image || shd, "task.path", task.path(), recorded);
        check.absentUnless(shd, "task.test_path", task.testPath(), shdOnly);
        check.absentUnless(shd, "task.max_duration_ms", task.maxDurationMs(), shdOnly);
        check.absentUnless(image, "task.order", task.order(), imageOnly);
        check.absentUnless(image, "task.encoding", task.encoding(), imageOnly);
        check.absentUnless(task.encoding() == SequenceEncoding.DELTA, "task.delta_threshold", task.deltaThreshold(),
                "absent unless task.encoding is delta");
        if (task.deltaThreshold() != null) {
            check.range("task.delta_threshold", task.deltaThreshold(), 0, 1);
        }
        if (shd) {
            if (task.path() == null || task.path().isBlank()) {
                check.fail("task.path", task.path(), "the path of an SHD/SSC HDF5 training file");
            }
            if (task.maxDurationMs() != null) {
                check.positive("task.max_duration_ms", task.maxDurationMs());
            }
            if (task.stepsPerTaskStep() != 1) {
                check.fail("task.steps_per_task_step", task.stepsPerTaskStep(), "1 for shd (each bin of dt_ms is "
                        + "one simulation step)");
            }
        }
        if (inputEncoding == InputEncoding.POISSON && task.encoding() != null
                && task.encoding() != SequenceEncoding.POISSON) {
            check.fail("task.encoding", task.encoding().name().toLowerCase(java.util.Locale.ROOT),
                    "poisson or absent when input.encoding is poisson");
        }
    }

    private static void validateTraining(ModelConfig.Training training, Check check) {
        check.intRange("training.epochs", training.epochs(), 0, 1_000_000);
        check.intRange("training.batch_size", training.batchSize(), 1, 1_000_000);
        check.positive("training.learning_rate", training.learningRate());
        check.range("training.adam_beta1", training.adamBeta1(), 0, 0.999999);
        check.range("training.adam_beta2", training.adamBeta2(), 0, 0.999999999);
        check.positive("training.adam_epsilon", training.adamEpsilon());
        check.range("training.grad_clip_norm", training.gradClipNorm(), 0, Double.MAX_VALUE);
        check.positive("training.surrogate.gamma", training.surrogate().gamma());
        check.positive("training.surrogate.slope", training.surrogate().slope());
        ModelConfig.RegulariserSpec regulariser = training.regulariser();
        check.range("training.regulariser.lambda", regulariser.lambda(), 0, Double.MAX_VALUE);
        check.positive("training.regulariser.comms_factor", regulariser.commsFactor());
        check.range("training.regulariser.epsilon", regulariser.epsilon(), 0, 1);
        check.range("training.rate_regulariser.c_reg", training.rateRegulariser().cReg(), 0, Double.MAX_VALUE);
        check.range("training.rate_regulariser.target_hz", training.rateRegulariser().targetHz(), 0, Double.MAX_VALUE);
    }

    private static void validateInit(String key, ModelConfig.WeightInit init, boolean square, Check check) {
        check.range(key + ".gain", init.gain(), 0, Double.MAX_VALUE);
        check.range(key + ".connection_prob", init.connectionProb(), 0, 1);
        if (init.init() == WeightInitKind.ORTHOGONAL && !square) {
            check.fail(key + ".init", "orthogonal", "gaussian, glorot_uniform or zeros (orthogonal needs a square matrix)");
        }
    }

    /** Collects the source name and formats failures uniformly. */
    private record Check(String source) {
        void fail(String key, Object value, String allowed) {
            throw new UserError(source + ": key '" + key + "': value " + value + " is not allowed; must be " + allowed);
        }

        void range(String key, double value, double min, double max) {
            if (!(value >= min && value <= max)) {
                fail(key, value, max == Double.MAX_VALUE ? ">= " + min : "in [" + min + ", " + max + "]");
            }
        }

        void physical(String key, double value, PhysicalRange range) {
            if (!range.contains(value)) {
                fail(key, value, range.allowed());
            }
        }

        void positive(String key, double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                fail(key, value, "a finite number > 0");
            }
        }

        void absentUnless(boolean allowed, String key, Object value, String rule) {
            if (!allowed && value != null) {
                fail(key, value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : value, rule);
            }
        }

        void intRange(String key, int value, int min, int max) {
            if (value < min || value > max) {
                fail(key, value, "a whole number in [" + min + ", " + max + "]");
            }
        }

        void listSize(String key, List<?> list, int size) {
            if (list.size() != size) {
                fail(key, list, "a list of " + size + " numbers");
            }
        }
    }
}
