package org.sernn.analysis.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sernn.analysis.stats.Bootstrap;
import org.sernn.analysis.stats.PairedComparison;

/**
 * The plain paragraph at the top of headline.md: per network kind, which of the paper's claims the
 * filtered seRNN-versus-L1 comparison reproduces, which it contradicts and which it cannot decide.
 */
final class HeadlineVerdict {
    /** Fewer pairs cannot reach p < 0.05 with an exact two-sided Wilcoxon test (n = 5 gives at best 0.0625). */
    static final int MIN_PAIRS = 6;

    /** What a comparison says about one of the paper's claims. */
    enum Verdict { REPRODUCES, OPPOSITE, UNDECIDED, TOO_FEW_PAIRS }

    private HeadlineVerdict() {
    }

    static Verdict of(PairedTable.Line line) {
        PairedComparison c = line.stats();
        if (c.pairs() < MIN_PAIRS) {
            return Verdict.TOO_FEW_PAIRS;
        }
        if (!c.interval().excludesZero() || !(line.holmP() < 0.05)) {
            return Verdict.UNDECIDED;
        }
        return Math.signum(c.meanDifference()) == line.metric().paperDirection() ? Verdict.REPRODUCES : Verdict.OPPOSITE;
    }

    static String paragraph(List<PairedTable> tables, CollectSettings settings) {
        StringBuilder text = new StringBuilder();
        for (PairedTable t : tables) {
            List<String> reproduces = new ArrayList<>();
            List<String> opposite = new ArrayList<>();
            List<String> undecided = new ArrayList<>();
            for (PairedTable.Line line : t.lines()) {
                if (line.metric().paperDirection() == 0) {
                    continue;
                }
                String item = line.metric().label() + " " + summary(line);
                switch (of(line)) {
                    case REPRODUCES -> reproduces.add(item);
                    case OPPOSITE -> opposite.add(item);
                    case UNDECIDED, TOO_FEW_PAIRS -> undecided.add(item);
                }
            }
            text.append(String.format(Locale.ROOT, "**%s networks** (seRNN vs L1 at matched sparsity, validation "
                    + "accuracy >= %.2f, %d pairs): ", capitalised(t.network()), settings.minAccuracy(),
                    t.pairs().size()));
            if (t.pairs().size() < MIN_PAIRS) {
                text.append(String.format(Locale.ROOT, "too few pairs to decide anything (at least %d are needed). ",
                        MIN_PAIRS));
                continue;
            }
            text.append("reproduces the paper: ").append(list(reproduces)).append("; opposite to the paper: ")
                    .append(list(opposite)).append("; not decided (CI includes 0 or Holm p >= 0.05): ")
                    .append(list(undecided)).append(". ");
        }
        text.append("Differences are seRNN minus L1 with bootstrap 95% CIs, Wilcoxon signed-rank p (Holm-adjusted) and "
                + "Cohen's d_z; the tables below give every comparison, the spatial-only control and the "
                + "rate-versus-spiking contrast.");
        return text.toString();
    }

    private static String summary(PairedTable.Line line) {
        PairedComparison c = line.stats();
        return String.format(Locale.ROOT, "(%s, Holm p %s, d_z %.2f)", withInterval(c.meanDifference(), c.interval()),
                p(line.holmP()), c.cohensDz());
    }

    static String withInterval(double value, Bootstrap.Interval interval) {
        return String.format(Locale.ROOT, "%+.3g [%+.3g, %+.3g]", value, interval.low(), interval.high());
    }

    static String p(double p) {
        return Double.isNaN(p) ? "n/a" : p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p)
                : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
