package org.sernn.task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-alternative perceptual decision making (random-dot-motion style), with the periods of
 * Shakiba et al. 2026 (arXiv 2606.14975): fixation 1, stimulus 30 and delay 10 task steps, plus a
 * 1-step decision period on which the answer is read (42 steps in all). The stimulus follows
 * neurogym's {@code PerceptualDecisionMaking} (neurogym/envs/native/perceptualdecisionmaking.py);
 * the fixation cue over fixation, stimulus and delay follows its
 * {@code PerceptualDecisionMakingDelayResponse}.
 * <ul>
 *   <li>channel 0, fixation cue: 1 during fixation, stimulus and delay, 0 during the decision step;</li>
 *   <li>channels 1 and 2, evidence for direction 0 and 1: during the stimulus period the channel of
 *       the trial's direction has mean (1 + coh/100)/2 and the other (1 - coh/100)/2, each plus
 *       independent Gaussian noise N(0, sigma^2) per task step, then clipped to [0, 1] because task
 *       inputs live in [0, 1] (neurogym does not clip); 0 outside the stimulus period.</li>
 * </ul>
 * The label is the direction (0 or 1), drawn with equal probability; the coherence is drawn
 * uniformly from {@link #COHERENCES_PERCENT} (at coherence 0 the label is not recoverable from the
 * input, as in neurogym). The default sigma, 0.1, is neurogym's per-step noise at its default
 * dt = 100 ms (sigma 1 / sqrt(dt)); with it clipping moves the mean of the strongest stimulus by
 * about 2e-4. Neurogym's default coherence list lacks 3.2%; it is added here. Factors:
 * {@code coherence} (index into {@link #COHERENCES_PERCENT}) and {@code direction} (= label).
 */
public final class PerceptualDecisionTask extends FixedShapeTask {
    public static final String NAME = "perceptual_decision";
    public static final int FIXATION_STEPS = 1;
    public static final int STIMULUS_STEPS = 30;
    public static final int DELAY_STEPS = 10;
    public static final int DECISION_STEPS = 1;
    public static final int TASK_STEPS = FIXATION_STEPS + STIMULUS_STEPS + DELAY_STEPS + DECISION_STEPS;
    public static final int FIXATION_CHANNEL = 0;
    /** Channel of the evidence for direction d is {@code FIRST_STIMULUS_CHANNEL + d}. */
    public static final int FIRST_STIMULUS_CHANNEL = 1;
    public static final int CHANNELS = 3;
    public static final List<Double> COHERENCES_PERCENT = List.of(0.0, 3.2, 6.4, 12.8, 25.6, 51.2);
    public static final double DEFAULT_NOISE_SIGMA = 0.1;
    public static final List<String> FACTOR_NAMES = List.of("coherence", "direction");

    private final double noiseSigma;

    /** @param noiseSigma standard deviation of the per-step Gaussian noise on the stimulus channels */
    public PerceptualDecisionTask(double noiseSigma) {
        super(NAME, CHANNELS, 2, TASK_STEPS);
        if (!(noiseSigma >= 0) || Double.isInfinite(noiseSigma)) {
            throw new IllegalArgumentException(NAME + ": noise sigma must be finite and >= 0, got " + noiseSigma);
        }
        this.noiseSigma = noiseSigma;
    }

    public PerceptualDecisionTask() {
        this(DEFAULT_NOISE_SIGMA);
    }

    public double noiseSigma() {
        return noiseSigma;
    }

    /** Per trial: direction, coherence index, then the noise step by step (direction 0's channel first). */
    @Override
    public TaskBatch sample(int trials, SplittableRandom random) {
        double[] values = new double[BatchSize.values(NAME, trials, TASK_STEPS, CHANNELS)];
        int[] labels = new int[trials];
        int[][] factors = new int[trials][];
        int stimulusStart = FIXATION_STEPS;
        int decisionStart = FIXATION_STEPS + STIMULUS_STEPS + DELAY_STEPS;
        for (int trial = 0; trial < trials; trial++) {
            int direction = random.nextInt(2);
            int coherenceIndex = random.nextInt(COHERENCES_PERCENT.size());
            double coherence = COHERENCES_PERCENT.get(coherenceIndex) / 100.0;
            int offset = trial * TASK_STEPS * CHANNELS;
            for (int step = 0; step < decisionStart; step++) {
                values[offset + step * CHANNELS + FIXATION_CHANNEL] = 1.0;
            }
            for (int step = stimulusStart; step < stimulusStart + STIMULUS_STEPS; step++) {
                for (int d = 0; d < 2; d++) {
                    double mean = d == direction ? (1 + coherence) / 2 : (1 - coherence) / 2;
                    double value = mean + noiseSigma * random.nextGaussian();
                    values[offset + step * CHANNELS + FIRST_STIMULUS_CHANNEL + d] = Math.min(1.0, Math.max(0.0, value));
                }
            }
            labels[trial] = direction;
            factors[trial] = new int[] {coherenceIndex, direction};
        }
        return new TaskBatch(trials, TASK_STEPS, CHANNELS, values, labels, factors,
                FACTOR_NAMES.toArray(String[]::new));
    }
}
