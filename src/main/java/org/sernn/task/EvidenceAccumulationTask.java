package org.sernn.task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Evidence (cue) accumulation, the temporal credit assignment task of Bellec et al., Nat. Commun.
 * 11:3625 (2020), Fig. 3 (docs/tasks.md). 40 input channels in four groups of 10: left
 * cues (0-9), right cues (10-19), recall cue (20-29) and background noise (30-39). Seven cues of
 * 100 ms, one every 150 ms, each from the left or the right group; then a delay; then the recall cue
 * for the final 150 ms, over which the loss is taken. The label is the side that gave more cues
 * (0 left, 1 right; seven cues leave no ties).
 *
 * <p>A task step is 50 ms here (set {@code steps_per_task_step} to 50 at dt 1 ms): cue c covers task
 * steps 3c and 3c + 1, so the cues take 21 task steps (1,050 ms); the recall cue covers the last 3 of
 * the 45 task steps (2,250 ms = 150 * 7 + 1,200, the paper's length). Values are rates relative to
 * the input's max_rate_hz (40 Hz in the paper's setup): 1 for an active cue group, {@link #NOISE_LEVEL}
 * = 0.25 (10 Hz) on the noise group throughout.
 *
 * <p>Cue sides: each trial picks a majority side uniformly, then each cue comes from that side with
 * probability {@link #MAJORITY_PROBABILITY} (an assumption of sernn's, not a number from the paper;
 * 0.7 mixes easy and hard trials). Factors: {@code left_cues} and
 * {@code majority_side}.
 */
public final class EvidenceAccumulationTask extends FixedShapeTask {
    public static final String NAME = "evidence_accumulation";
    public static final int GROUP = 10;
    public static final int CHANNELS = 4 * GROUP;
    public static final int LEFT = 0;
    public static final int RIGHT = 1;
    public static final int RECALL_CHANNEL = 2 * GROUP;
    public static final int NOISE_CHANNEL = 3 * GROUP;
    public static final int CUES = 7;
    /** Task steps (50 ms) per cue period: 2 of cue, 1 of pause. */
    public static final int CUE_PERIOD = 3;
    public static final int CUE_LENGTH = 2;
    public static final int RECALL_STEPS = 3;
    public static final int TASK_STEPS = 45;
    public static final double NOISE_LEVEL = 0.25;
    public static final double MAJORITY_PROBABILITY = 0.7;
    public static final List<String> FACTOR_NAMES = List.of("left_cues", "majority_side");

    public EvidenceAccumulationTask() {
        super(NAME, CHANNELS, 2, TASK_STEPS);
    }

    /** Per trial: the majority side, then the side of each cue in order, all from {@code random}. */
    @Override
    public TaskBatch sample(int trials, SplittableRandom random) {
        double[] values = new double[BatchSize.values(NAME, trials, TASK_STEPS, CHANNELS)];
        int[] labels = new int[trials];
        int[][] factors = new int[trials][];
        for (int trial = 0; trial < trials; trial++) {
            int offset = trial * TASK_STEPS * CHANNELS;
            int majority = random.nextInt(2);
            int left = 0;
            for (int cue = 0; cue < CUES; cue++) {
                int side = random.nextDouble() < MAJORITY_PROBABILITY ? majority : 1 - majority;
                left += side == LEFT ? 1 : 0;
                for (int step = cue * CUE_PERIOD; step < cue * CUE_PERIOD + CUE_LENGTH; step++) {
                    fill(values, offset + step * CHANNELS + side * GROUP, 1.0);
                }
            }
            for (int step = TASK_STEPS - RECALL_STEPS; step < TASK_STEPS; step++) {
                fill(values, offset + step * CHANNELS + RECALL_CHANNEL, 1.0);
            }
            for (int step = 0; step < TASK_STEPS; step++) {
                fill(values, offset + step * CHANNELS + NOISE_CHANNEL, NOISE_LEVEL);
            }
            labels[trial] = left > CUES / 2 ? LEFT : RIGHT;
            factors[trial] = new int[] {left, majority};
        }
        return new TaskBatch(trials, TASK_STEPS, CHANNELS, values, labels, factors,
                FACTOR_NAMES.toArray(String[]::new));
    }

    private static void fill(double[] values, int from, double value) {
        for (int c = 0; c < GROUP; c++) {
            values[from + c] = value;
        }
    }
}
