package org.sernn.analysis.compare;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A Markdown table of the numeric entries of two metric maps, side by side with B - A. */
final class MetricTable {
    private MetricTable() {
    }

    static String of(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        StringBuilder md = new StringBuilder("| metric | A | B | B - A |\n|---|---|---|---|\n");
        for (String key : keys) {
            Object va = a.get(key);
            Object vb = b.get(key);
            if (!(va instanceof Number) && !(vb instanceof Number)) {
                continue;
            }
            double x = va instanceof Number n ? n.doubleValue() : Double.NaN;
            double y = vb instanceof Number n ? n.doubleValue() : Double.NaN;
            md.append(String.format(Locale.ROOT, "| %s | %.4g | %.4g | %+.4g |%n", key, x, y, y - x));
        }
        return md.toString();
    }
}
