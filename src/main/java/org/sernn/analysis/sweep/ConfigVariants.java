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
        ModelConfig.Training training = t.withRegulariser(regulariser).withEpochs(epochs != null ? epochs : t.epochs());
        return c.withName(name).withSeed(seed).withTraining(training);
    }
}
