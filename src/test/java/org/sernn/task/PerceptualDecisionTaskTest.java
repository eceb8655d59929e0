package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class PerceptualDecisionTaskTest {
    private static final double[] COHERENCES = {0, 3.2, 6.4, 12.8, 25.6, 51.2};
    private static final int STEPS = 42; // fixation 0, stimulus 1-30, delay 31-40, decision 41

    private static double value(TaskBatch batch, int trial, int step, int channel) {
        return batch.values()[(trial * STEPS + step) * 3 + channel];
    }

    private static double stimulusMean(int coherenceIndex, int direction, int channel) {
        double coherence = COHERENCES[coherenceIndex] / 100;
        return channel == 1 + direction ? (1 + coherence) / 2 : (1 - coherence) / 2;
    }

    /** E[clip(X, 0, 1)] for X ~ N(mu, sigma^2). */
    private static double clippedMean(double mu, double sigma) {
        NormalDistribution z = new NormalDistribution(0, 1);
        double a = (0 - mu) / sigma;
        double b = (1 - mu) / sigma;
        return (1 - z.cumulativeProbability(b)) + mu * (z.cumulativeProbability(b) - z.cumulativeProbability(a))
                + sigma * (z.density(a) - z.density(b));
    }

    @Test
    void describesItself() {
        PerceptualDecisionTask task = new PerceptualDecisionTask();
        assertEquals("perceptual_decision", task.name());
        assertEquals(3, task.inputChannels());
        assertEquals(2, task.classes());
        assertEquals(STEPS, task.taskSteps());
        assertEquals(0.1, task.noiseSigma());
        assertArrayEquals(new String[] {"coherence", "direction"},
                task.sample(1, new SplittableRandom(1)).factorNames());
    }

    @Test
    void withoutNoiseEveryPeriodShowsExactlyTheDocumentedInputs() {
        TaskBatch batch = new PerceptualDecisionTask(0.0).sample(2_000, new SplittableRandom(2));
        for (int trial = 0; trial < batch.trials(); trial++) {
            int coherenceIndex = batch.factors()[trial][0];
            int direction = batch.factors()[trial][1];
            assertEquals(direction, batch.labels()[trial]);
            for (int step = 0; step < STEPS; step++) {
                assertEquals(step < 41 ? 1.0 : 0.0, value(batch, trial, step, 0), "fixation cue at " + step);
                boolean stimulus = step >= 1 && step <= 30;
                for (int channel = 1; channel <= 2; channel++) {
                    double expected = stimulus ? stimulusMean(coherenceIndex, direction, channel) : 0.0;
                    assertEquals(expected, value(batch, trial, step, channel), 1e-15,
                            "trial " + trial + " step " + step + " channel " + channel);
                }
            }
        }
    }

    @Test
    void noisyInputsStayInTheUnitIntervalAndOutsideTheStimulusPeriodAreSilent() {
        TaskBatch batch = new PerceptualDecisionTask(0.3).sample(2_000, new SplittableRandom(4));
        for (int trial = 0; trial < batch.trials(); trial++) {
            for (int step = 0; step < STEPS; step++) {
                for (int channel = 1; channel <= 2; channel++) {
                    double v = value(batch, trial, step, channel);
                    assertTrue(v >= 0 && v <= 1, "value " + v);
                    if (step == 0 || step > 30) {
                        assertEquals(0.0, v);
                    }
                }
            }
        }
    }

    @Test
    void stimulusMeansMatchTheCoherenceAndNoiseMatchesSigma() {
        double sigma = 0.1;
        int n = 60_000;
        TaskBatch batch = new PerceptualDecisionTask(sigma).sample(n, new SplittableRandom(17));
        double[][][] sum = new double[6][2][3];
        double[][][] sumSquares = new double[6][2][3];
        long[][] count = new long[6][2];
        for (int trial = 0; trial < n; trial++) {
            int c = batch.factors()[trial][0];
            int d = batch.factors()[trial][1];
            for (int step = 1; step <= 30; step++) {
                for (int channel = 1; channel <= 2; channel++) {
                    double v = value(batch, trial, step, channel);
                    sum[c][d][channel] += v;
                    sumSquares[c][d][channel] += v * v;
                }
                count[c][d]++;
            }
        }
        for (int c = 0; c < 6; c++) {
            for (int d = 0; d < 2; d++) {
                for (int channel = 1; channel <= 2; channel++) {
                    double mu = stimulusMean(c, d, channel);
                    double expected = clippedMean(mu, sigma);
                    assertTrue(Math.abs(expected - mu) < 5e-4, "clipping is negligible at sigma 0.1");
                    double mean = sum[c][d][channel] / count[c][d];
                    double sd = Math.sqrt(sumSquares[c][d][channel] / count[c][d] - mean * mean);
                    String where = "coherence " + COHERENCES[c] + " direction " + d + " channel " + channel;
                    assertEquals(expected, mean, 5 * sigma / Math.sqrt(count[c][d]), "mean at " + where);
                    if (c < 5) { // at 51.2% the upper tail is clipped, which narrows the spread by about 2%
                        assertEquals(sigma, sd, 0.01 * sigma, "noise sd at " + where);
                    }
                }
            }
        }
    }

    @Test
    void directionsAndCoherencesAreDrawnUniformly() {
        int n = 60_000;
        TaskBatch batch = new PerceptualDecisionTask().sample(n, new SplittableRandom(23));
        int[] coherenceCounts = new int[6];
        int ones = 0;
        for (int trial = 0; trial < n; trial++) {
            coherenceCounts[batch.factors()[trial][0]]++;
            ones += batch.labels()[trial];
        }
        assertEquals(n / 2.0, ones, 5 * Math.sqrt(n * 0.25));
        for (int c = 0; c < 6; c++) {
            assertEquals(n / 6.0, coherenceCounts[c], 5 * Math.sqrt(n * (1.0 / 6) * (5.0 / 6)), "coherence " + c);
        }
    }

    @Test
    void refusesABadNoiseLevel() {
        for (double sigma : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PerceptualDecisionTask(sigma));
            assertTrue(e.getMessage().contains("sigma"), e.getMessage());
        }
    }
}
