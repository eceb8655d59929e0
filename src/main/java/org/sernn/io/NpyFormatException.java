package org.sernn.io;

import java.io.IOException;

/**
 * A {@code .npy} or {@code .npz} file that does not follow the NPY format (numpy.lib.format) or the
 * zip container around it: bad magic, a header that does not parse, an unsupported dtype, data
 * shorter than the header's shape says, a damaged zip or a CRC mismatch.
 *
 * <p>Readers that know the file name put it, and the member, at the start of the message, e.g.
 * {@code "checkpoint.npz: member w_rec.npy: header says shape (100, 100) float64 = 80000 bytes but
 * only 4096 are present"}. It is an {@link IOException}, so callers that already handle I/O
 * failures handle this one too; a missing file is reported as the usual
 * {@link java.nio.file.NoSuchFileException} instead.
 */
public final class NpyFormatException extends IOException {

    public NpyFormatException(String message) {
        super(message);
    }

    public NpyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
