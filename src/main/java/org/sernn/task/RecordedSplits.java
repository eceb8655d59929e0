package org.sernn.task;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sernn.UserError;
import org.sernn.util.Permutations;

/** Index choices shared by the recorded tasks: disjoint seeded subsets of a fixed number of examples. */
final class RecordedSplits {
    private RecordedSplits() {
    }

    /**
     * Disjoint index sets of the given sizes: consecutive stretches of one permutation of
     * 0..available-1 drawn from {@code seed} (the first {@code sizes[0]} entries, then the next
     * {@code sizes[1]}, ...).
     */
    static int[][] disjoint(int available, long seed, String source, int... sizes) {
        long total = 0;
        for (int size : sizes) {
            total += size;
        }
        if (total > available) {
            throw new UserError(source + ": holds " + available + " examples; task.train_trials + validation_trials"
                    + (sizes.length > 2 ? " + test_trials" : "") + " = " + total + " must not exceed that");
        }
        int[] order = Permutations.random(available, new SplittableRandom(seed));
        int[][] parts = new int[sizes.length][];
        int from = 0;
        for (int k = 0; k < sizes.length; k++) {
            parts[k] = Arrays.copyOfRange(order, from, from + sizes[k]);
            from += sizes[k];
        }
        return parts;
    }

    /** The first {@code count} indices, 0..count-1, checked against what is available. */
    static int[] leading(int available, int count, String source, String key) {
        if (count > available) {
            throw new UserError(source + ": holds " + available + " test examples; " + key + " " + count
                    + " must not exceed that");
        }
        int[] indices = new int[count];
        Arrays.setAll(indices, i -> i);
        return indices;
    }

    /** {@code count} distinct indices below {@code available}, drawn from {@code random}. */
    static int[] sample(int available, int count, SplittableRandom random, String source) {
        if (count < 1 || count > available) {
            throw new UserError(source + ": holds " + available + " examples; cannot draw " + count
                    + " distinct trials (allowed: 1.." + available + ")");
        }
        return Arrays.copyOf(Permutations.random(available, random), count);
    }
}
