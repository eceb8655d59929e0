package org.sernn.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads and writes single arrays in NumPy's {@code .npy} format (numpy.lib.format, "Format Version
 * 1.0", and 2.0/3.0 for reading).
 *
 * <p>A file is: the magic string {@code \x93NUMPY}; the format version as two bytes (major,
 * minor); the header length as a little-endian uint16 (version 1.0) or uint32 (2.0, 3.0); the
 * header, a Python dict literal in latin-1 (UTF-8 in 3.0) padded with spaces and ended by
 * {@code '\n'} so that the data starts at a multiple of 64 bytes; then the data.
 *
 * <p>Writing produces exactly the bytes NumPy 1.24 writes for the same little-endian C-order
 * array (version 1.0, or 2.0 if the header is too long for a uint16 length, as NumPy does).
 * Reading accepts little-endian ({@code '<'}, {@code '|'}) and big-endian ({@code '>'}) data, and
 * Fortran-order data, which it reorders into C order.
 */
public final class Npy {

    /** The first six bytes of every {@code .npy} file. */
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Magic string plus the two version bytes: numpy.lib.format.MAGIC_LEN. */
    private static final int PREAMBLE_BYTES = MAGIC.length + 2;
    /** numpy.lib.format.ARRAY_ALIGN: the data starts at a multiple of this. */
    private static final int ARRAY_ALIGN = 64;
    private static final int MAX_DATA_BYTES = Integer.MAX_VALUE - 8;
    private static final int MAX_HEADER_IN_MESSAGE = 120;

    private Npy() {
    }

    /** Writes {@code array} as a complete {@code .npy} file; does not close {@code out}. */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(header(array.dtype(), array.shape()));
        out.write(array.sharedData());
    }

    /**
     * Reads one array and leaves {@code in} just after its data.
     *
     * @throws NpyFormatException if the bytes are not a valid {@code .npy} array of a supported
     *                            dtype, or end before the data the header announces
     * @throws IOException        if reading {@code in} fails
     */
    public static NpyArray read(InputStream in) throws IOException {
        byte[] preamble = in.readNBytes(PREAMBLE_BYTES);
        if (preamble.length == 0) {
            throw new NpyFormatException("no data: 0 bytes where an NPY array should start");
        }
        if (!Arrays.equals(preamble, 0, Math.min(preamble.length, MAGIC.length), MAGIC, 0, MAGIC.length)) {
            throw new NpyFormatException("not an NPY array: it does not start with \\x93NUMPY");
        }
        if (preamble.length < PREAMBLE_BYTES) {
            throw new NpyFormatException("ends after " + preamble.length + " bytes, inside the NPY preamble");
        }
        int major = preamble[MAGIC.length] & 0xFF;
        int minor = preamble[MAGIC.length + 1] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException("unsupported NPY format version " + major + "." + minor
                    + " (this reader knows 1.0, 2.0 and 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] length = in.readNBytes(lengthBytes);
        if (length.length < lengthBytes) {
            throw new NpyFormatException("ends inside the header length field");
        }
        long headerLength = lengthBytes == 2
                ? ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFFL
                : ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (headerLength > MAX_DATA_BYTES) {
            throw new NpyFormatException("header length " + headerLength + " is impossibly large");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new NpyFormatException("header is " + headerLength + " bytes long but only "
                    + headerBytes.length + " are present");
        }
        String headerText = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header;
        try {
            header = NpyHeader.parse(headerText);
        } catch (NpyFormatException e) {
            throw new NpyFormatException("bad header " + abbreviate(headerText) + ": " + e.getMessage(), e);
        }
        return readData(in, header);
    }

    /**
     * Reads an array that makes up the whole of {@code bytes}, e.g. one member of a {@code .npz}.
     *
     * @throws NpyFormatException as {@link #read(InputStream)}, and if bytes follow the data
     */
    public static NpyArray read(byte[] bytes) throws NpyFormatException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        NpyArray array;
        try {
            array = read(in);
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("a ByteArrayInputStream does not fail", e);
        }
        if (in.available() > 0) {
            throw new NpyFormatException(in.available() + " bytes follow the data of shape "
                    + NpyHeader.pythonTuple(array.shape()) + " " + array.dtype());
        }
        return array;
    }

    /** The preamble, header length and header dict, padded as NumPy pads them (_wrap_header). */
    static byte[] header(NpyDtype dtype, int[] shape) {
        byte[] dict = NpyHeader.format(dtype, shape).getBytes(StandardCharsets.ISO_8859_1);
        int lengthBytes = 2;
        int padding = alignmentPadding(lengthBytes, dict.length);
        if (dict.length + padding + 1 > 0xFFFF) {
            lengthBytes = 4;
            padding = alignmentPadding(lengthBytes, dict.length);
        }
        int headerLength = dict.length + padding + 1;
        ByteBuffer buffer = ByteBuffer.allocate(PREAMBLE_BYTES + lengthBytes + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) (lengthBytes == 2 ? 1 : 2)).put((byte) 0);
        if (lengthBytes == 2) {
            buffer.putShort((short) headerLength);
        } else {
            buffer.putInt(headerLength);
        }
        buffer.put(dict);
        buffer.put(" ".repeat(padding).getBytes(StandardCharsets.ISO_8859_1));
        buffer.put((byte) '\n');
        return buffer.array();
    }

    /** Spaces so that preamble, length, dict and newline end on a 64-byte boundary; 1 to 64, as in NumPy. */
    private static int alignmentPadding(int lengthBytes, int dictBytes) {
        return ARRAY_ALIGN - (PREAMBLE_BYTES + lengthBytes + dictBytes + 1) % ARRAY_ALIGN;
    }

    private static NpyArray readData(InputStream in, NpyHeader header) throws IOException {
        NpyDtype dtype = header.dtype();
        int[] shape = header.shape();
        long elements = 1;
        for (int dimension : shape) {
            elements = Math.min(elements * dimension, MAX_DATA_BYTES + 1L);
        }
        long dataBytes = elements * dtype.itemSize();
        String announced = "shape " + NpyHeader.pythonTuple(shape) + " " + dtype;
        if (dataBytes > MAX_DATA_BYTES) {
            throw new NpyFormatException("header says " + announced + ", over the 2 GiB limit of one array");
        }
        byte[] data = in.readNBytes((int) dataBytes);
        if (data.length < dataBytes) {
            throw new NpyFormatException("header says " + announced + " = " + dataBytes + " bytes but only "
                    + data.length + " are present");
        }
        if (header.bigEndian()) {
            swapBytes(data, dtype.kind() == NpyDtype.Kind.UNICODE ? NpyDtype.BYTES_PER_CHAR : dtype.itemSize());
        }
        if (header.fortranOrder()) {
            data = FortranOrder.toCOrder(data, shape, dtype.itemSize());
        }
        try {
            return NpyArray.wrap(dtype, shape, data);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(e.getMessage(), e);
        }
    }

    /** Reverses the bytes of each {@code unit}-byte word in place: big-endian to little-endian. */
    private static void swapBytes(byte[] data, int unit) {
        for (int start = 0; start < data.length; start += unit) {
            for (int i = 0, j = unit - 1; i < j; i++, j--) {
                byte b = data[start + i];
                data[start + i] = data[start + j];
                data[start + j] = b;
            }
        }
    }

    /** The header text for an error message: control characters as '?', cut after a while. */
    private static String abbreviate(String headerText) {
        String text = headerText.strip().replaceAll("\\p{Cntrl}", "?");
        return text.length() <= MAX_HEADER_IN_MESSAGE ? text : text.substring(0, MAX_HEADER_IN_MESSAGE) + "...";
    }
}
