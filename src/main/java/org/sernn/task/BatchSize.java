package org.sernn.task;

/** The argument check every task's {@code sample} shares. */
final class BatchSize {
    private BatchSize() {
    }

    /**
     * @return the number of input values of {@code trials} trials
     * @throws IllegalArgumentException if trials < 1 or the values would not fit one Java array
     */
    static int values(String task, int trials, int taskSteps, int channels) {
        if (trials < 1) {
            throw new IllegalArgumentException(task + ": trials must be at least 1, got " + trials);
        }
        long count = (long) trials * taskSteps * channels;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(task + ": " + trials + " trials need " + count
                    + " input values, more than one array holds (" + Integer.MAX_VALUE + ")");
        }
        return (int) count;
    }
}
