package org.sernn.cli.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Human names, units and a one-line reading of the functional metrics (docs/analysis.md defines
 * them); the raw keys stay in metrics.json and in the report's collapsed table.
 */
final class MetricNames {
    private record Described(String name, String unit, String reading) {
    }

    private static final Map<String, Described> FUNCTION = new LinkedHashMap<>();

    static {
        FUNCTION.put("informative_units", new Described("units informative about goal or choice", "units",
                "ANOVA p below alpha for either variable. With hundreds of trials a unit active in the choice period "
                        + "usually passes both tests, so this can equal the two counts below"));
        FUNCTION.put("goal_informative_units", new Described("goal-informative units", "units",
                "activity differs between the goals"));
        FUNCTION.put("choice_informative_units", new Described("choice-informative units", "units",
                "activity differs between the choices"));
        FUNCTION.put("mean_variance_explained_goal", new Described("variance explained by goal", "fraction",
                "mean over units; higher: the goal is read out from single units"));
        FUNCTION.put("mean_variance_explained_choice", new Described("variance explained by choice", "fraction",
                "mean over units"));
        FUNCTION.put("mixed_selectivity_corr", new Described("mixed selectivity", "correlation",
                "correlation of goal and choice tuning over units; near 1: units code both (mixed selectivity)"));
        FUNCTION.put("selectivity_clustering_p", new Described("spatial clustering of selectivity", "p-value",
                "permutation test; small: goal- and choice-selective units sit closer together than chance"));
        FUNCTION.put("mean_rate_hz", new Described("mean firing rate", "Hz", "over units and the whole trial"));
        FUNCTION.put("active_units", new Described("active units", "units", "units with any activity"));
    }

    private MetricNames() {
    }

    /** The described metrics present in {@code values}: "name (unit)" -> "value: reading". */
    static Map<String, String> described(Map<String, Object> values) {
        Map<String, String> rows = new LinkedHashMap<>();
        FUNCTION.forEach((key, described) -> {
            Object value = values.get(key);
            if (value != null) {
                String shown = value instanceof Double d ? String.format(Locale.ROOT, "%.3g", d) : value.toString();
                rows.put(described.name() + " (" + described.unit() + ")", shown + ": " + described.reading());
            }
        });
        return rows;
    }
}
