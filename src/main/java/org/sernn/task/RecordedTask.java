package org.sernn.task;

/**
 * A task over a fixed, recorded data set (images, audio spikes) rather than a generator: its
 * training and validation splits are disjoint subsets of the training recordings, drawn with the
 * seed, and its test split comes from the test recordings, which nothing else touches.
 * {@link #sample} draws from the test recordings too (what {@code simulate}, {@code deploy} and
 * the analyses run on), without replacement.
 */
public interface RecordedTask extends Task {
    /**
     * @param train      training examples, from the training recordings
     * @param validation validation examples, from the training recordings, disjoint from train
     * @param test       test examples: the first {@code test} test recordings, in file order
     * @throws org.sernn.UserError if the recordings hold fewer examples than asked for
     */
    TaskDatasets datasets(int train, int validation, int test, long seed);
}
