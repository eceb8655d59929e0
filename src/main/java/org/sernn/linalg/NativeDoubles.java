package org.sernn.linalg;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A fixed-size array of doubles in native memory, the operand of direct BLAS calls ({@link Gemm}), with
 * bulk copies to and from Java arrays (memcpy through a direct-buffer view) and a reusable pointer that
 * {@link #at} moves to an offset, so that a time loop passing blocks of it to BLAS allocates nothing.
 * The memory is freed when the object is garbage. Not thread-safe.
 */
public final class NativeDoubles {
    private final DoublePointer data;
    private final DoublePointer cursor;
    private final DoubleBuffer buffer;
    private final long length;

    public NativeDoubles(long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("native array length must be in [0, 2^31 - 1], was " + length);
        }
        this.length = length;
        this.data = new DoublePointer(Math.max(1, length));
        this.cursor = new DoublePointer(data);
        this.buffer = data.asByteBuffer().order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    /** A native copy of {@code values}. */
    public static NativeDoubles copyOf(double[] values) {
        NativeDoubles copy = new NativeDoubles(values.length);
        copy.put(values, 0, values.length, 0);
        return copy;
    }

    public long length() {
        return length;
    }

    /** Copies {@code source[from .. from + count)} to entries {@code [offset .. offset + count)}. */
    public void put(double[] source, int from, int count, int offset) {
        buffer.put(offset, source, from, count);
    }

    /** Copies entries {@code [offset .. offset + count)} to {@code target[to .. to + count)}. */
    public void get(int offset, double[] target, int to, int count) {
        buffer.get(offset, target, to, count);
    }

    /** Sets entries {@code [offset .. offset + count)} to 0. */
    public void zero(int offset, int count) {
        Pointer.memset(at(offset), 0, 8L * count);
    }

    /** The shared pointer, moved to entry {@code offset}: valid until the next call of {@code at} on this array. */
    DoublePointer at(long offset) {
        return cursor.position(offset);
    }
}
