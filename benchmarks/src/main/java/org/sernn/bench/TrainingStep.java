package org.sernn.bench;

import org.sernn.sim.InputBatch;
import org.sernn.train.Adam;
import org.sernn.train.BatchResult;
import org.sernn.train.LearningRule;
import org.sernn.train.Params;
import org.sernn.train.Regulariser;

/**
 * One training iteration on a fixed batch, as {@code sernn train} runs it: the learning rule's forward
 * and backward pass, the structural regulariser's value and gradient, one Adam step; with the wall
 * seconds of each phase. The unit that {@link TrainingSpeed} and {@link RateTrainingSpeed} time (their
 * scripts compile this file beside them).
 */
final class TrainingStep {
    private final Params params;
    private final LearningRule rule;
    private final Regulariser regulariser;
    private final Adam adam;
    private final InputBatch input;
    private final int[] labels;
    private final double[] lossMask;
    /** Seconds of the last iteration in the learning rule, the regulariser and Adam. */
    final double[] phases = new double[3];
    /** The last iteration's result; its gradients include the regulariser's. */
    BatchResult result;

    TrainingStep(Params params, LearningRule rule, Regulariser regulariser, Adam adam, InputBatch input,
            int[] labels, double[] lossMask) {
        this.params = params;
        this.rule = rule;
        this.regulariser = regulariser;
        this.adam = adam;
        this.input = input;
        this.labels = labels;
        this.lossMask = lossMask;
    }

    /** One iteration; returns its loss (task + firing-rate + structural). */
    double run() {
        long t0 = System.nanoTime();
        result = rule.run(params, input, labels, lossMask);
        long t1 = System.nanoTime();
        Params gradients = result.gradients();
        double structural = regulariser.addValueAndGradient(params.wRec, params.nRec, gradients.wRec);
        long t2 = System.nanoTime();
        adam.update(params, gradients);
        long t3 = System.nanoTime();
        phases[0] = (t1 - t0) / 1e9;
        phases[1] = (t2 - t1) / 1e9;
        phases[2] = (t3 - t2) / 1e9;
        return result.taskLoss() + result.rateLoss() + structural;
    }
}
