package org.sernn.task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Go/No-go with a delay, with the periods of Shakiba et al. 2026 (arXiv 2606.14975): fixation 5,
 * stimulus 20, delay 10 and decision 5 task steps (40 in all). Channels and labels follow
 * neurogym's {@code GoNogo} environment (neurogym/envs/native/gonogo.py):
 * <ul>
 *   <li>channel 0, fixation cue: 1 during fixation, stimulus and delay, 0 during the decision
 *       period (its disappearance is the cue to respond);</li>
 *   <li>channel 1, no-go stimulus: 1 during the stimulus period of a no-go trial, else 0;</li>
 *   <li>channel 2, go stimulus: 1 during the stimulus period of a go trial, else 0.</li>
 * </ul>
 * Label 0 = no-go (withhold), 1 = go; the stimulus channel is {@code 1 + label}. The two classes
 * are drawn with equal probability; there is no input noise. Factor: {@code go} (equal to the
 * label).
 */
public final class GoNoGoTask extends FixedShapeTask {
    public static final String NAME = "go_nogo";
    public static final int FIXATION_STEPS = 5;
    public static final int STIMULUS_STEPS = 20;
    public static final int DELAY_STEPS = 10;
    public static final int DECISION_STEPS = 5;
    public static final int TASK_STEPS = FIXATION_STEPS + STIMULUS_STEPS + DELAY_STEPS + DECISION_STEPS;
    public static final int FIXATION_CHANNEL = 0;
    public static final int NO_GO_CHANNEL = 1;
    public static final int GO_CHANNEL = 2;
    public static final int CHANNELS = 3;
    public static final int NO_GO = 0;
    public static final int GO = 1;
    public static final List<String> FACTOR_NAMES = List.of("go");

    public GoNoGoTask() {
        super(NAME, CHANNELS, 2, TASK_STEPS);
    }

    @Override
    public TaskBatch sample(int trials, SplittableRandom random) {
        double[] values = new double[BatchSize.values(NAME, trials, TASK_STEPS, CHANNELS)];
        int[] labels = new int[trials];
        int[][] factors = new int[trials][];
        int stimulusStart = FIXATION_STEPS;
        int decisionStart = FIXATION_STEPS + STIMULUS_STEPS + DELAY_STEPS;
        for (int trial = 0; trial < trials; trial++) {
            int label = random.nextInt(2);
            int stimulusChannel = label == GO ? GO_CHANNEL : NO_GO_CHANNEL;
            int offset = trial * TASK_STEPS * CHANNELS;
            for (int step = 0; step < decisionStart; step++) {
                values[offset + step * CHANNELS + FIXATION_CHANNEL] = 1.0;
            }
            for (int step = stimulusStart; step < stimulusStart + STIMULUS_STEPS; step++) {
                values[offset + step * CHANNELS + stimulusChannel] = 1.0;
            }
            labels[trial] = label;
            factors[trial] = new int[] {label};
        }
        return new TaskBatch(trials, TASK_STEPS, CHANNELS, values, labels, factors,
                FACTOR_NAMES.toArray(String[]::new));
    }
}
