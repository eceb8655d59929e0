package org.sernn.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sernn.io.Npy;
import org.sernn.io.NpyArray;

/**
 * Seeded mutations of a checkpoint's arrays for {@link CliFuzzTest}, written as a well-formed npz so
 * that they reach the checks behind the zip layer: wrong dtypes, wrong shapes, huge declared shapes,
 * non-finite and negative values, missing members, a damaged config string.
 */
final class ArrayMutations {
    private ArrayMutations() {
    }

    /** Writes {@code arrays} with one member mutated; returns what was done. */
    static String write(Path file, Map<String, NpyArray> valid, SplittableRandom random) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> entry : valid.entrySet()) {
            members.put(entry.getKey(), npy(entry.getValue()));
        }
        List<String> keys = new ArrayList<>(valid.keySet());
        String key = keys.get(random.nextInt(keys.size()));
        NpyArray array = valid.get(key);
        int size = array.size();
        String what;
        switch (random.nextInt(7)) {
            case 0 -> {
                members.put(key, npy(wrongDtype(array, random)));
                what = key + ": another dtype";
            }
            case 1 -> {
                int[] shape = random.nextBoolean() ? new int[] {size} : new int[] {1, size};
                members.put(key, npy(NpyArray.of(array.dtype(), shape, array.data())));
                what = key + ": shape " + Arrays.toString(shape);
            }
            case 2 -> {
                String shape = List.of("(100000, 100000)", "(2147483647,)", "(46341, 46341)", "(3000000000,)",
                        "(-1,)", "(0,)").get(random.nextInt(6));
                members.put(key, npy(array.dtype().descr(), shape, array.data()));
                what = key + ": declared shape " + shape;
            }
            case 3 -> {
                double[] values = new double[Math.max(size, 1)];
                Arrays.fill(values, List.of(Double.NaN, Double.POSITIVE_INFINITY, -1.0, 0.0, -1e300, 1e300)
                        .get(random.nextInt(6)));
                members.put(key, npy(NpyArray.ofDoubles(values, array.shape())));
                what = key + ": filled with " + values[0];
            }
            case 4 -> {
                members.remove(key);
                what = key + ": removed";
            }
            case 5 -> {
                Mutations.Mutant config = Mutations.yaml(valid.get("config").asString(), random);
                members.put("config", npy(NpyArray.ofString(new String(config.bytes(), StandardCharsets.UTF_8))));
                what = "config: " + config.description();
            }
            default -> {
                long[] values = new long[Math.max(size, 1)];
                Arrays.fill(values, List.of(-1L, 0L, Long.MAX_VALUE, (long) Integer.MIN_VALUE).get(random.nextInt(4)));
                members.put(key, npy(NpyArray.ofLongs(values, array.shape())));
                what = key + ": int64 filled with " + values[0];
            }
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey() + ".npy"));
                zip.write(member.getValue());
                zip.closeEntry();
            }
        }
        return what;
    }

    private static NpyArray wrongDtype(NpyArray array, SplittableRandom random) {
        int size = array.size();
        int[] shape = array.shape();
        return switch (random.nextInt(4)) {
            case 0 -> {
                String[] text = new String[size];
                Arrays.fill(text, "0.5");
                yield NpyArray.ofStrings(text, shape);
            }
            case 1 -> NpyArray.ofBooleans(new boolean[size], shape);
            case 2 -> NpyArray.ofFloats(new float[size], shape);
            default -> NpyArray.ofBytes(new byte[size], shape);
        };
    }

    static byte[] npy(NpyArray array) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Npy.write(bytes, array);
        return bytes.toByteArray();
    }

    /** An NPY 1.0 file with any header dict, padded to 64 bytes, followed by {@code data}. */
    static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int padding = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
            (byte) header.length(), (byte) (header.length() >> 8)});
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }
}
