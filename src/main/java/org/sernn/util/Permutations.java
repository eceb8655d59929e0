package org.sernn.util;

import java.util.SplittableRandom;

/** Seeded random permutations. */
public final class Permutations {
    private Permutations() {
    }

    /** A uniformly random permutation of 0..n-1 by the Fisher-Yates shuffle (Knuth, TAOCP vol. 2, 3.4.2). */
    public static int[] random(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
