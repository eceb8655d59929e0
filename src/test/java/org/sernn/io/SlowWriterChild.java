package org.sernn.io;

import java.nio.file.Path;

/**
 * A child process for {@link LitterTest}: starts an atomic write of {@code args[0]} that writes a
 * little and then waits forever, so that the test can stop the process mid-write.
 */
public final class SlowWriterChild {
    private SlowWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[4096]);
            out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
