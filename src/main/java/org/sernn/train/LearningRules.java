package org.sernn.train;

import org.sernn.UserError;
import org.sernn.model.LearningRuleKind;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;

/** The learning rule a config selects for a network. */
public final class LearningRules {
    private LearningRules() {
    }

    public static LearningRule of(Network network) {
        ModelConfig.Training training = network.config().training();
        if (!network.neurons().type().isSpiking()) {
            if (training.learningRule() != LearningRuleKind.BPTT) {
                throw new UserError("training.learning_rule: e-prop needs spiking units; rate networks train with bptt");
            }
            return new RateBptt(network.neurons());
        }
        return switch (training.learningRule()) {
            case BPTT -> new SpikingBptt(network.neurons(), Surrogate.of(training.surrogate()), training.detachReset(),
                    training.rateRegulariser().cReg(), training.rateRegulariser().targetHz());
            case EPROP -> throw new UserError("training.learning_rule: eprop is not available yet; use bptt");
        };
    }
}
