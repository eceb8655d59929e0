package org.sernn.analysis.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sernn.analysis.ModelAnalysis;

/** compare.md for two models: a header naming them, then each of {@link #SECTIONS}. */
public final class ModelComparison {
    /** The sections of compare.md, in order. The last is the energy comparison (org.sernn.hardware). */
    public static final List<ComparisonSection> SECTIONS = List.of(new Summary(), new Structure(), new Function(),
            new EnergySection());

    private ModelComparison() {
    }

    public static String markdown(String nameA, ModelAnalysis a, String nameB, ModelAnalysis b,
            List<ComparisonSection> sections) {
        StringBuilder md = new StringBuilder("# Comparison\n\n");
        md.append("- A: ").append(nameA).append(" (").append(kind(a)).append(")\n");
        md.append("- B: ").append(nameB).append(" (").append(kind(b)).append(")\n\n");
        for (ComparisonSection section : sections) {
            md.append("## ").append(section.title()).append("\n\n").append(section.markdown(a, b)).append('\n');
        }
        return md.toString();
    }

    static String kind(ModelAnalysis m) {
        var training = m.network().config().training().regulariser();
        return String.format(Locale.ROOT, "%s network, %d units, %s regulariser, lambda %.4g",
                m.network().neurons().type().isSpiking() ? "spiking" : "rate", m.network().nRec(),
                training.kind().name().toLowerCase(Locale.ROOT), training.lambda());
    }

    /** Accuracy on fresh maze trials. */
    static final class Summary implements ComparisonSection {
        @Override
        public String title() {
            return "Accuracy";
        }

        @Override
        public String markdown(ModelAnalysis a, ModelAnalysis b) {
            Map<String, Object> x = new LinkedHashMap<>();
            Map<String, Object> y = new LinkedHashMap<>();
            x.put("accuracy", a.accuracy());
            y.put("accuracy", b.accuracy());
            return MetricTable.of(x, y);
        }
    }

    /** The structural metrics. */
    static final class Structure implements ComparisonSection {
        @Override
        public String title() {
            return "Structure (BCT definitions, |W_rec|)";
        }

        @Override
        public String markdown(ModelAnalysis a, ModelAnalysis b) {
            return MetricTable.of(a.structure().values(), b.structure().values());
        }
    }

    /** The functional metrics (maze task). */
    static final class Function implements ComparisonSection {
        @Override
        public String title() {
            return "Function (maze trials, choice epoch)";
        }

        @Override
        public String markdown(ModelAnalysis a, ModelAnalysis b) {
            if (a.function() == null || b.function() == null) {
                return "Functional metrics need both models on the maze task.\n";
            }
            return MetricTable.of(a.function().values(), b.function().values());
        }
    }
}
