package org.sernn.task;

import org.sernn.model.ModelConfig;

/**
 * The training, validation and test trials a trainer uses: {@link TaskDatasets} in memory for
 * every task but the spike recordings, whose splits stay events until a minibatch is built
 * ({@link ShdTask#splits}).
 */
public record TrialSplits(TrialSet train, TrialSet validation, TrialSet test) {

    public static TrialSplits of(Task task, ModelConfig.TaskSpec spec, long seed) {
        if (task instanceof ShdTask shd) {
            return shd.splits(spec.trainTrials(), spec.validationTrials(), spec.testTrials(), seed);
        }
        TaskDatasets data = TaskDatasets.of(task, spec, seed);
        return new TrialSplits(data.train(), data.validation(), data.test());
    }
}
