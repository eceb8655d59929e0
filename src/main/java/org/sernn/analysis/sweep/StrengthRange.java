package org.sernn.analysis.sweep;

import java.util.Locale;
import org.sernn.UserError;

/**
 * Log-spaced regularisation strengths {@code from..to} (both included, {@code count} values), written
 * {@code FROM:TO:COUNT}. Log spacing because strengths span decades (docs/regulariser.md).
 */
public record StrengthRange(double from, double to, int count) {

    public StrengthRange {
        if (!(from > 0) || !(to >= from) || count < 1 || (count == 1 && to != from)) {
            throw new UserError(String.format(Locale.ROOT, "strength range %g:%g:%d: need 0 < FROM <= TO and COUNT >= 1 "
                    + "(COUNT 1 only with FROM = TO)", from, to, count));
        }
    }

    public static StrengthRange parse(String text, String option) {
        String[] parts = text.split(":");
        try {
            if (parts.length == 3) {
                return new StrengthRange(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(option + " '" + text + "': expected FROM:TO:COUNT, e.g. 0.01:0.3:8");
    }

    public double[] values() {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = count == 1 ? from : from * Math.pow(to / from, (double) i / (count - 1));
        }
        return values;
    }
}
