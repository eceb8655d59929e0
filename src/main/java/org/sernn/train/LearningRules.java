package org.sernn.train;

import org.sernn.UserError;
import org.sernn.model.LearningRuleKind;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;

/** The learning rule a config selects for a network. */
public final class LearningRules {
    private LearningRules() {
    }

    /**
     * The rule of the network's config. For e-prop with adaptive feedback, {@code network}'s W_out is
     * the initial one that B's changes are measured from (pass the freshly initialised network).
     */
    public static LearningRule of(Network network) {
        ModelConfig.Training training = network.config().training();
        if (!network.neurons().type().isSpiking()) {
            if (training.learningRule() != LearningRuleKind.BPTT) {
                throw new UserError("training.learning_rule: e-prop needs spiking units; rate networks train with bptt");
            }
            return new RateBptt(network.neurons());
        }
        Surrogate surrogate = Surrogate.of(training.surrogate());
        double cReg = training.rateRegulariser().cReg();
        double targetHz = training.rateRegulariser().targetHz();
        return switch (training.learningRule()) {
            case BPTT -> new SpikingBptt(network.neurons(), surrogate, training.detachReset(), cReg, targetHz);
            case EPROP -> new Eprop(network.neurons(), surrogate, new Feedback(training.eprop().feedback(),
                    network.config().seed(), network.nRec(), network.nOut(), network.wOut().toArray()), cReg,
                    targetHz);
        };
    }
}
