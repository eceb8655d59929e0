package org.sernn.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.sernn.UserError;

/**
 * Reads a small text file the user wrote (a model config, a hardware profile) with its bounds
 * checked before any parser sees it: a regular file (not a device such as {@code /dev/zero}, a pipe
 * or a folder), at most {@link #MAX_CONFIG_BYTES}, UTF-8, and free of NUL bytes. Each refusal is one
 * {@link UserError} naming the file and, where it helps, the line.
 */
public final class TextFiles {
    /** Configs and profiles are a few kilobytes; 1 MiB leaves room and keeps the YAML parser fast. */
    public static final long MAX_CONFIG_BYTES = 1L << 20;

    private TextFiles() {
    }

    /**
     * The text of {@code file}.
     *
     * @param what what the file is, for messages ("config file", "hardware profile")
     */
    public static String readBounded(Path file, String what, long maxBytes) {
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a folder; expected a " + what);
        }
        if (!Files.exists(file)) {
            throw new UserError(file + ": " + what + " not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": is not a regular file (a device, pipe or socket); expected a " + what);
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new UserError(file + ": is " + size + " bytes; a " + what + " may be at most " + maxBytes
                        + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": " + what + " not found");
        } catch (AccessDeniedException e) {
            throw new UserError(file + ": cannot read " + what + ": permission denied");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read " + what + ": " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw new UserError(file + ": grew past " + maxBytes + " bytes while being read; a " + what
                    + " may be at most " + maxBytes + " bytes");
        }
        return decode(bytes, file + ": ", what);
    }

    /** {@code bytes} as strict UTF-8 without NUL; {@code prefix} starts each message. */
    static String decode(byte[] bytes, String prefix, String what) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new UserError(prefix + "line " + lineAt(bytes, i) + " holds a NUL byte; a " + what
                        + " is UTF-8 text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new UserError(prefix + "line " + lineAt(bytes, offset) + " holds byte "
                    + String.format(Locale.ROOT, "0x%02x", bytes[offset] & 0xFF) + ", which is not UTF-8; a " + what
                    + " is UTF-8 text");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

}
