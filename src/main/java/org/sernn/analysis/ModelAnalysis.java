package org.sernn.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sernn.model.Network;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.task.MazeTask;
import org.sernn.train.Evaluation;
import org.sernn.train.TaskTrials;

/**
 * Structure and function of one network: the structural metrics of its recurrent weights and, when
 * its task is the maze task, the functional metrics of {@code trials} fresh trials run on the dense
 * engine (states recorded for rate networks, spikes for spiking ones).
 */
public record ModelAnalysis(Network network, StructuralMetrics structure, FunctionalMetrics function,
        Recording recording, TaskTrials trials, double accuracy) {

    /** Settings of an analysis. */
    public record Options(StructuralMetrics.Options structural, FunctionalMetrics.Options functional, int trials,
            long seed) {
        public static Options defaults(long seed) {
            return new Options(StructuralMetrics.Options.defaults(seed), FunctionalMetrics.Options.defaults(seed), 256,
                    seed);
        }
    }

    public static ModelAnalysis of(Network network, Options options) {
        StructuralMetrics structure = StructuralMetrics.of(network.wRec(), network.positions().distanceMatrix(),
                options.structural());
        if (network.config().task() == null || !MazeTask.NAME.equals(network.config().task().name())
                || options.trials() < 1) {
            return new ModelAnalysis(network, structure, null, null, null, Double.NaN);
        }
        boolean spiking = network.neurons().type().isSpiking();
        TaskTrials trials = TaskTrials.draw(network.config(), options.trials(), options.seed());
        Recording recording = new DenseSimulator().run(network, trials.input(),
                spiking ? RecordOptions.SPIKES_ONLY : RecordOptions.WITH_STATES);
        FunctionalMetrics function = FunctionalMetrics.of(recording, trials.trials(), spiking,
                network.neurons().dtMs(), network.positions().distanceMatrix(), MazeTask.CHOICE_STEPS,
                options.functional());
        double accuracy = Evaluation.accuracy(recording, trials.labels(), trials.lossMask());
        return new ModelAnalysis(network, structure, function, recording, trials, accuracy);
    }

    /**
     * Why the functional metrics were not computed for a model with a task other than the maze
     * (they read goal and choice factors that only the maze has), or null.
     */
    public String functionSkipped() {
        var task = network.config().task();
        if (function != null || task == null || MazeTask.NAME.equals(task.name())) {
            return null;
        }
        return "the functional metrics (selectivity, mixed selectivity, goal/choice clustering) are defined for the "
                + MazeTask.NAME + " task only; this model's task is " + task.name() + "; structural metrics only";
    }

    /** The report fields: network kind, accuracy, then "structure" and "function" objects. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("network", network.neurons().type().isSpiking() ? "spiking" : "rate");
        fields.put("regulariser", network.config().training().regulariser().kind().name().toLowerCase(
                java.util.Locale.ROOT));
        fields.put("reg_lambda", network.config().training().regulariser().lambda());
        if (function != null) {
            fields.put("accuracy", accuracy);
        }
        fields.put("structure", structure.values());
        if (function != null) {
            fields.put("function", function.values());
        } else if (functionSkipped() != null) {
            fields.put("function_skipped", functionSkipped());
        }
        return fields;
    }
}
