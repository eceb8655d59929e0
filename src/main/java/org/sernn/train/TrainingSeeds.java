package org.sernn.train;

import java.util.SplittableRandom;

/**
 * Every random draw of training comes from a stream named by (seed, epoch, batch, purpose), never
 * from a stream carried across batches. A run resumed at any epoch therefore draws exactly what an
 * uninterrupted run would: resumption is bit-identical without saving generator state.
 */
public final class TrainingSeeds {
    /** What a stream is for; its ordinal is part of the stream's name. */
    public enum Purpose { SHUFFLE, ENCODING, NOISE, EVALUATION, FEEDBACK }

    private TrainingSeeds() {
    }

    public static SplittableRandom stream(long seed, int epoch, int batch, Purpose purpose) {
        long mixed = seed;
        mixed = mixed * 0x9E3779B97F4A7C15L + epoch;
        mixed = mixed * 0x9E3779B97F4A7C15L + batch;
        mixed = mixed * 0x9E3779B97F4A7C15L + purpose.ordinal();
        return new SplittableRandom(mixed);
    }
}
