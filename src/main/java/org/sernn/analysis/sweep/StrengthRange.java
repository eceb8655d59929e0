package org.sernn.analysis.sweep;

import java.util.Locale;
import org.sernn.UserError;

/**
 * Regularisation strengths {@code from..to} (both included, {@code count} values), written
 * {@code FROM:TO:COUNT} (log-spaced: strengths span decades, docs/regulariser.md) or
 * {@code FROM:TO:COUNT:lin} (linearly spaced, as the paper's lambda = linspace(0.001, 0.3, 1001)).
 */
public record StrengthRange(double from, double to, int count, boolean linear) {

    public StrengthRange {
        if (!(from > 0) || !(to >= from) || count < 1 || (count == 1 && to != from) || Double.isInfinite(to)) {
            throw new UserError(String.format(Locale.ROOT, "strength range %g:%g:%d: need 0 < FROM <= TO and COUNT >= 1 "
                    + "(COUNT 1 only with FROM = TO)", from, to, count));
        }
    }

    public static StrengthRange parse(String text, String option) {
        String[] parts = text.split(":");
        boolean spacingGiven = parts.length == 4 && (parts[3].equals("lin") || parts[3].equals("log"));
        try {
            if (parts.length == 3 || spacingGiven) {
                return new StrengthRange(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Integer.parseInt(parts[2]), spacingGiven && parts[3].equals("lin"));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(option + " '" + text + "': expected FROM:TO:COUNT (log-spaced) or FROM:TO:COUNT:lin, "
                + "e.g. 0.01:0.3:8");
    }

    public double[] values() {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            double t = count == 1 ? 0 : (double) i / (count - 1);
            values[i] = linear ? from + (to - from) * t : from * Math.pow(to / from, t);
        }
        return values;
    }
}
