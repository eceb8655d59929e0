package org.sernn.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A time constant of ALIF/LIF units that training may learn per unit, opted into with
 * {@code neuron.learn} (learnable heterogeneous time constants, Perez-Nieves et al., Nat. Commun.
 * 12:5791, 2021; docs/neurons.md). It is learnt in milliseconds and kept after every optimiser step
 * in [dt, {@link #maxMs}]: at least one step (a decay exp(-dt / tau) of at least 1/e) and at most a
 * bound far beyond the longest tasks, so the decay stays in (0, 1).
 */
public enum LearnableTimeConstant {
    /** Membrane time constant tau_m_ms (decay alpha), at most 1000 ms. */
    TAU_M("tau_m", 1_000.0),
    /** Adaptation time constant tau_a_ms (decay rho), at most 10000 ms. */
    TAU_A("tau_a", 10_000.0);

    private final String configName;
    private final double maxMs;

    LearnableTimeConstant(String configName, double maxMs) {
        this.configName = configName;
        this.maxMs = maxMs;
    }

    /** The name in {@code neuron.learn}. */
    public String configName() {
        return configName;
    }

    /** The checkpoint key of the values, and the grad dump's key after "grad_". */
    public String key() {
        return configName + "_ms";
    }

    /** Smallest allowed value: one time step. */
    public double minMs(double dtMs) {
        return dtMs;
    }

    public double maxMs() {
        return maxMs;
    }

    /** Clamps values[from, from + n) into [dt, max], in place. */
    public void clamp(double[] values, int from, int n, double dtMs) {
        for (int j = from; j < from + n; j++) {
            values[j] = Math.max(minMs(dtMs), Math.min(maxMs, values[j]));
        }
    }

    public static Optional<LearnableTimeConstant> ofConfigName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName.equals(name)).findFirst();
    }

    /** "tau_m, tau_a", for messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(LearnableTimeConstant::configName).collect(Collectors.joining(", "));
    }
}
