package org.sernn.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.sernn.linalg.DenseMatrix;
import org.sernn.sim.Recording;
import org.sernn.task.TaskBatch;

/**
 * Functional metrics of a trained network on the maze task (Achterberg, Akarca et al. 2023): per
 * unit, the variance of its choice-epoch activity explained by the goal and by the choice pair;
 * mixed selectivity (the correlation of the two across units); the spatial clustering of goal versus
 * choice units (permutation test); how many units carry task information (one-way ANOVA p below
 * {@code alpha} for goal or choices); and the firing rates (spiking) or mean activations (rate).
 * The choice epoch (the last {@code choiceTaskSteps} task steps) is when both the remembered goal and
 * the visible choices are needed for the answer.
 */
public record FunctionalMetrics(Map<String, Object> values, double[] veGoal, double[] veChoice, double[] meanActivity) {

    /** Settings of the functional analysis. */
    public record Options(int permutations, double alpha, long seed) {
        /** 1000 permutations, significance level 0.01. */
        public static Options defaults(long seed) {
            return new Options(1000, 0.01, seed);
        }

        public Options withPermutations(int count) {
            return new Options(count, alpha, seed);
        }
    }

    /**
     * @param trials the task trials that were run (factors "goal" and "choice_pair")
     * @param choiceTaskSteps length of the final (choice) epoch in task steps
     */
    public static FunctionalMetrics of(Recording recording, TaskBatch trials, boolean spiking, double dtMs,
            DenseMatrix distance, int choiceTaskSteps, Options options) {
        int goalFactor = factor(trials, "goal");
        int choiceFactor = factor(trials, "choice_pair");
        int stepsPerTaskStep = recording.steps() / trials.taskSteps();
        int from = recording.steps() - choiceTaskSteps * stepsPerTaskStep;
        double[][] choiceEpoch = TrialActivity.window(recording, spiking, dtMs, from, recording.steps());
        double[][] whole = TrialActivity.window(recording, spiking, dtMs, 0, recording.steps());
        int n = recording.nRec();
        int[] goal = new int[trials.trials()];
        int[] choice = new int[trials.trials()];
        for (int t = 0; t < goal.length; t++) {
            goal[t] = trials.factors()[t][goalFactor];
            choice[t] = trials.factors()[t][choiceFactor];
        }
        double[] veGoal = new double[n];
        double[] veChoice = new double[n];
        double[] mean = new double[n];
        int goalInformative = 0;
        int choiceInformative = 0;
        int informative = 0;
        int active = 0;
        for (int u = 0; u < n; u++) {
            double[] values = TrialActivity.unit(choiceEpoch, u);
            veGoal[u] = Selectivity.varianceExplained(values, goal);
            veChoice[u] = Selectivity.varianceExplained(values, choice);
            boolean g = Selectivity.anovaPValue(values, goal) < options.alpha();
            boolean c = Selectivity.anovaPValue(values, choice) < options.alpha();
            goalInformative += g ? 1 : 0;
            choiceInformative += c ? 1 : 0;
            informative += g || c ? 1 : 0;
            mean[u] = Arrays.stream(TrialActivity.unit(whole, u)).average().orElse(0);
            active += mean[u] > 0 ? 1 : 0;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("trials", trials.trials());
        values.put("mixed_selectivity_corr", correlation(veGoal, veChoice));
        values.put("mean_variance_explained_goal", Arrays.stream(veGoal).average().orElse(0));
        values.put("mean_variance_explained_choice", Arrays.stream(veChoice).average().orElse(0));
        values.put("informative_units", informative);
        values.put("goal_informative_units", goalInformative);
        values.put("choice_informative_units", choiceInformative);
        values.put("anova_alpha", options.alpha());
        SpatialClustering clustering = SpatialClustering.test(veGoal, veChoice, distance, options.permutations(),
                options.seed());
        values.put("goal_units", clustering.goalUnits());
        values.put("choice_units", clustering.choiceUnits());
        values.put("selectivity_within_group_distance", clustering.observedDistance());
        values.put("selectivity_null_distance", clustering.nullMeanDistance());
        values.put("selectivity_clustering_p", clustering.pValue());
        values.put("permutations", clustering.permutations());
        String unit = spiking ? "rate_hz" : "activation";
        Percentile percentile = new Percentile();
        percentile.setData(mean);
        values.put("mean_" + unit, Arrays.stream(mean).average().orElse(0));
        values.put("median_" + unit, percentile.evaluate(50));
        values.put("p10_" + unit, percentile.evaluate(10));
        values.put("p90_" + unit, percentile.evaluate(90));
        values.put("max_" + unit, Arrays.stream(mean).max().orElse(0));
        values.put("active_units", active);
        return new FunctionalMetrics(values, veGoal, veChoice, mean);
    }

    private static double correlation(double[] a, double[] b) {
        double[] x = Arrays.copyOf(a, a.length);
        double[] y = Arrays.copyOf(b, b.length);
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0 || b[i] != 0) {   // silent or constant units carry no selectivity
                x[k] = a[i];
                y[k] = b[i];
                k++;
            }
        }
        return k < 3 ? Double.NaN : new PearsonsCorrelation().correlation(Arrays.copyOf(x, k), Arrays.copyOf(y, k));
    }

    private static int factor(TaskBatch trials, String name) {
        if (trials.factorNames() != null) {
            for (int k = 0; k < trials.factorNames().length; k++) {
                if (trials.factorNames()[k].equals(name)) {
                    return k;
                }
            }
        }
        throw new org.sernn.UserError("functional metrics need the maze task's '" + name + "' factor; this task has "
                + Arrays.toString(trials.factorNames()));
    }
}
