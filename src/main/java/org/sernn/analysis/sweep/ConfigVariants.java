package org.sernn.analysis.sweep;

import org.sernn.model.ModelConfig;

/** A config with another regulariser strength and epoch count (the name records the run). */
final class ConfigVariants {
    private ConfigVariants() {
    }

    static ModelConfig with(ModelConfig c, String name, long seed, double lambda, Integer epochs) {
        ModelConfig.Training t = c.training();
        ModelConfig.RegulariserSpec r = t.regulariser();
        ModelConfig.RegulariserSpec regulariser = new ModelConfig.RegulariserSpec(r.kind(), lambda, r.strength(),
                r.gradient(), r.commsFactor(), r.epsilon());
        ModelConfig.Training training = new ModelConfig.Training(t.learningRule(), epochs != null ? epochs : t.epochs(),
                t.batchSize(), t.learningRate(), t.adamBeta1(), t.adamBeta2(), t.adamEpsilon(), t.gradClipNorm(),
                t.surrogate(), t.detachReset(), regulariser, t.rateRegulariser(), t.trainInput());
        return new ModelConfig(name, seed, c.sizes(), c.space(), c.neuron(), c.weights(), c.input(), c.task(), training);
    }
}
