package org.sernn.hardware;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An energy figure where sources disagree: low, point (the figure used for a single number) and
 * high. In a profile it is either one number (all three equal) or {@code {low, point, high}}
 * (docs/energy.md). Sums and scalings keep the three apart, so a total's low is the sum of lows.
 */
public record EnergyRange(Double low, Double point, Double high) {
    public static final EnergyRange ZERO = new EnergyRange(0.0, 0.0, 0.0);

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public EnergyRange(@JsonProperty("low") Double low, @JsonProperty("point") Double point,
            @JsonProperty("high") Double high) {
        this.low = low;
        this.point = point;
        this.high = high;
    }

    /** One figure that all sources agree on. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EnergyRange exactly(double value) {
        return new EnergyRange(value, value, value);
    }

    public EnergyRange plus(EnergyRange other) {
        return new EnergyRange(low + other.low, point + other.point, high + other.high);
    }

    public EnergyRange times(double count) {
        return new EnergyRange(low * count, point * count, high * count);
    }

    /** Ratio of two independent ranges: the smallest and largest quotients and the point quotient. */
    public EnergyRange dividedBy(EnergyRange denominator) {
        return new EnergyRange(low / denominator.high, point / denominator.point, high / denominator.low);
    }

    public Map<String, Object> toReport() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("low", low);
        map.put("point", point);
        map.put("high", high);
        return map;
    }
}
