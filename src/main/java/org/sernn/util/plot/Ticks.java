package org.sernn.util.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Tick labels and units: plain numbers with leading zeros, SI prefixes, human durations. */
public final class Ticks {
    private static final String[] PREFIXES = {"f", "p", "n", "\u00b5", "m", "", "k", "M", "G", "T"};
    private static final int UNIT_INDEX = 5;

    private Ticks() {
    }

    /** Up to four significant digits, no trailing zeros, always a leading zero ("0.0045", not ".0045"). */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", value).replaceAll("\\.?0+e", "e");
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * The SI prefix that puts {@code largest} between 1 and 1000, as a scale to multiply the data by and
     * the unit label with its prefix (e.g. 0.0045 J gives factor 1000 and "mJ").
     */
    public static SiScale si(double largest, String unit) {
        int exponent = largest > 0 && Double.isFinite(largest) ? (int) Math.floor(Math.log10(largest) / 3) : 0;
        exponent = Math.max(-UNIT_INDEX, Math.min(PREFIXES.length - 1 - UNIT_INDEX, exponent));
        return new SiScale(Math.pow(1000, -exponent), PREFIXES[exponent + UNIT_INDEX] + unit);
    }

    /** A value with its SI-prefixed unit, e.g. "4.5 mJ". */
    public static String withUnit(double value, String unit) {
        SiScale scale = si(Math.abs(value), unit);
        return number(value * scale.factor()) + " " + scale.unit();
    }

    /** Seconds in the largest whole unit that fits: "1 s", "1 min", "1 h", "1 d", "1 wk", "1 mo", "1 y". */
    public static String duration(double seconds) {
        String[] names = {"y", "mo", "wk", "d", "h", "min", "s"};
        double[] lengths = {31_557_600, 2_629_800, 604_800, 86_400, 3600, 60, 1};
        for (int k = 0; k < names.length; k++) {
            if (seconds >= lengths[k] * 0.999) {
                return number(seconds / lengths[k]) + " " + names[k];
            }
        }
        return withUnit(seconds, "s");
    }

    /** Multiply data by {@code factor} and label the axis with {@code unit}. */
    public record SiScale(double factor, String unit) {
    }
}
