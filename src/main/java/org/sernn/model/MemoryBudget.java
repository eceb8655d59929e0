package org.sernn.model;

import java.util.Locale;
import org.sernn.UserError;

/**
 * Says up front when a size cannot run in this JVM, with the memory it would need, instead of
 * failing later with an overflow or OutOfMemoryError: every count is computed in {@code long}, an
 * array is limited to {@link #MAX_ARRAY_ELEMENTS} elements (Java's limit), and the bytes needed are
 * compared with the JVM's maximum heap ({@code -Xmx}; the launcher's default is 8 GiB).
 */
public final class MemoryBudget {
    /** The most elements one Java array can hold (the JDK's own limit, a little under 2^31). */
    public static final long MAX_ARRAY_ELEMENTS = Integer.MAX_VALUE - 8L;
    private static final double GIB = 1L << 30;

    private MemoryBudget() {
    }

    /**
     * @param what       the option or key and its value, e.g. {@code "--trials 1000000"}
     * @param arrayElements the largest single array this size needs
     * @param bytes      the least memory it needs in all
     * @param forWhat    what that memory holds, for the message
     * @throws UserError if the array cannot exist or the bytes exceed the heap
     */
    public static void require(String what, long arrayElements, long bytes, String forWhat) {
        if (arrayElements > MAX_ARRAY_ELEMENTS || arrayElements < 0) {
            throw new UserError(String.format(Locale.ROOT, "%s: needs at least %s of memory for %s, with %d elements "
                    + "in one array, more than a Java array holds (%d); choose a smaller size", what, gib(bytes), forWhat,
                    arrayElements, MAX_ARRAY_ELEMENTS));
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap || bytes < 0) {
            throw new UserError(String.format(Locale.ROOT, "%s: needs at least %s of memory for %s; this JVM may "
                    + "use %s (raise -Xmx through SERNN_JAVA_OPTS, or choose a smaller size)", what, gib(bytes), forWhat,
                    gib(heap)));
        }
    }

    /** Bytes in GiB for a message; a saturated count reads as "more than 8 EiB". */
    public static String gib(long bytes) {
        return bytes < 0 || bytes == Long.MAX_VALUE ? "more than 8589934592 GiB"
                : String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
    }

    /** {@code a * b}, saturating at {@link Long#MAX_VALUE} instead of overflowing. */
    public static long times(long a, long b) {
        long product = a * b;
        long high = Math.multiplyHigh(a, b);
        return (high == 0 && product >= 0) || (high == -1 && product < 0) ? product : Long.MAX_VALUE;
    }
}
