package org.sernn.analysis;

import java.util.SplittableRandom;
import org.sernn.linalg.DenseMatrix;

/**
 * Permutation test for the spatial clustering of goal-preferring versus choice-preferring units
 * (Achterberg, Akarca et al. 2023): each unit prefers the variable that explains more of its
 * variance, weighted by how strongly (|VE_goal - VE_choice|). The statistic is the weighted mean
 * Euclidean distance between units of the same preference,
 * sum_{i<j same group} w_i w_j D_ij / sum_{i<j same group} w_i w_j; the null shuffles the
 * preferences (with their weights) over positions. p = (1 + #{null <= observed}) / (1 + permutations):
 * small p means like-preferring units sit closer together than chance.
 */
public record SpatialClustering(double observedDistance, double nullMeanDistance, double pValue, int permutations,
        int goalUnits, int choiceUnits) {

    public static SpatialClustering test(double[] veGoal, double[] veChoice, DenseMatrix distance, int permutations,
            long seed) {
        int n = veGoal.length;
        boolean[] goal = new boolean[n];
        double[] weight = new double[n];
        int goalUnits = 0;
        int choiceUnits = 0;
        for (int i = 0; i < n; i++) {
            goal[i] = veGoal[i] > veChoice[i];
            weight[i] = Math.abs(veGoal[i] - veChoice[i]);
            goalUnits += weight[i] > 0 && goal[i] ? 1 : 0;
            choiceUnits += weight[i] > 0 && !goal[i] ? 1 : 0;
        }
        double observed = statistic(goal, weight, distance);
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        boolean[] shuffledGoal = new boolean[n];
        double[] shuffledWeight = new double[n];
        int atMost = 0;
        double nullSum = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int i = 0; i < n; i++) {
                shuffledGoal[i] = goal[order[i]];
                shuffledWeight[i] = weight[order[i]];
            }
            double value = statistic(shuffledGoal, shuffledWeight, distance);
            nullSum += value;
            atMost += value <= observed ? 1 : 0;
        }
        return new SpatialClustering(observed, nullSum / permutations, (1.0 + atMost) / (1.0 + permutations),
                permutations, goalUnits, choiceUnits);
    }

    static double statistic(boolean[] goal, double[] weight, DenseMatrix distance) {
        double weighted = 0;
        double norm = 0;
        for (int i = 0; i < goal.length; i++) {
            for (int j = i + 1; j < goal.length; j++) {
                if (goal[i] == goal[j]) {
                    double w = weight[i] * weight[j];
                    weighted += w * distance.get(i, j);
                    norm += w;
                }
            }
        }
        return norm > 0 ? weighted / norm : Double.NaN;
    }
}
