package org.sernn.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of files for {@link CliFuzzTest}: byte-level damage for any file, and text-level
 * damage for YAML (lines, indentation, values a careless or hostile user might type). Each mutation
 * says what it did, so that a failure can be reproduced from its description and seed.
 */
final class Mutations {
    /** Values a user might put where a number, a name or a list belongs. */
    static final List<String> HOSTILE_VALUES = List.of("-1", "0", "1", "-0.0", "2.5", "1e308", "-1e308", "1e-320",
            "2147483647", "2147483648", "-2147483649", "99999999999999999999999", ".nan", ".inf", "-.inf", "NaN",
            "null", "~", "''", "\"\"", "[]", "{}", "[1, 2]", "true", "yes", "0x10", "1_000", "\"x\"", "!!binary AAAA",
            "&a 1", "*a", "\"\\u0000\"", "\t", "é", "🧠", "lif", "LIF", "NIRGraph", "maze", "alif", "rate");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern VALUE = Pattern.compile(":\\s*([^,{}\\[\\]\\n#]+)");

    private Mutations() {
    }

    record Mutant(byte[] bytes, String description) {
    }

    /** One to three byte-level mutations: truncation, flips, insertions, zeroed runs. */
    static Mutant bytes(byte[] valid, SplittableRandom random) {
        byte[] bytes = valid.clone();
        StringBuilder what = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int m = 0; m < count && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    bytes = Arrays.copyOf(bytes, at);
                    what.append("truncated to ").append(at).append("; ");
                }
                case 1 -> {
                    bytes[at] ^= (byte) (1 + random.nextInt(255));
                    what.append("flipped byte ").append(at).append("; ");
                }
                case 2 -> {
                    byte[] noise = new byte[1 + random.nextInt(16)];
                    random.nextBytes(noise);
                    bytes = insert(bytes, at, noise);
                    what.append("inserted ").append(noise.length).append(" bytes at ").append(at).append("; ");
                }
                case 3 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(64));
                    Arrays.fill(bytes, at, end, (byte) (random.nextBoolean() ? 0 : 0xFF));
                    what.append("filled ").append(at).append("..").append(end).append("; ");
                }
                default -> {
                    int other = random.nextInt(bytes.length);
                    byte b = bytes[at];
                    bytes[at] = bytes[other];
                    bytes[other] = b;
                    what.append("swapped bytes ").append(at).append(", ").append(other).append("; ");
                }
            }
        }
        return new Mutant(bytes, what.toString());
    }

    /** One to three text mutations of a YAML file; a quarter of the time a byte-level one instead. */
    static Mutant yaml(String valid, SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return bytes(valid.getBytes(StandardCharsets.UTF_8), random);
        }
        List<String> lines = new ArrayList<>(List.of(valid.split("\n", -1)));
        StringBuilder what = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int m = 0; m < count && !lines.isEmpty(); m++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(7)) {
                case 0 -> {
                    lines.set(at, replaceOne(line, NUMBER, pick(random), random));
                    what.append("number on line ").append(at + 1).append("; ");
                }
                case 1 -> {
                    String value = pick(random);
                    lines.set(at, replaceValue(line, value, random));
                    what.append("value on line ").append(at + 1).append(" := ").append(value).append("; ");
                }
                case 2 -> {
                    lines.remove(at);
                    what.append("deleted line ").append(at + 1).append("; ");
                }
                case 3 -> {
                    lines.add(at, line);
                    what.append("duplicated line ").append(at + 1).append("; ");
                }
                case 4 -> {
                    lines.set(at, (random.nextBoolean() ? "\t" : " ".repeat(1 + random.nextInt(4))) + line);
                    what.append("indented line ").append(at + 1).append("; ");
                }
                case 5 -> {
                    lines.add(at, "unknown_key_" + random.nextInt(10) + ": " + pick(random));
                    what.append("unknown key at line ").append(at + 1).append("; ");
                }
                default -> {
                    int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
                    lines.set(at, line.substring(0, cut));
                    what.append("cut line ").append(at + 1).append(" at ").append(cut).append("; ");
                }
            }
        }
        return new Mutant(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), what.toString());
    }

    static String pick(SplittableRandom random) {
        return HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
    }

    private static String replaceOne(String line, Pattern pattern, String replacement, SplittableRandom random) {
        Matcher matcher = pattern.matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return line;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return line.substring(0, span[0]) + replacement + line.substring(span[1]);
    }

    private static String replaceValue(String line, String value, SplittableRandom random) {
        Matcher matcher = VALUE.matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(1), matcher.end(1)});
        }
        if (spans.isEmpty()) {
            return line;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return line.substring(0, span[0]) + value + line.substring(span[1]);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        byte[] out = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
        return out;
    }
}
