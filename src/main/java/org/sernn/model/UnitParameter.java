package org.sernn.model;

/**
 * A per-unit parameter that only some neuron models have (beyond the common tau_m, tau_a, beta, v_th,
 * n_ref), declared by the model's {@link NeuronType} constant: it is then carried by
 * {@link NeuronParams}, checked against its closed range [min, max] when the parameters are made, and
 * written to and read from checkpoints under {@code key}, without code for it anywhere else.
 *
 * A network built from a config draws each unit's initial value uniformly from [initMin, initMax]
 * with the config's seed ({@link NetworkFactory}).
 *
 * @param key     the checkpoint key and name in messages (snake_case)
 * @param min     smallest allowed value
 * @param max     largest allowed value
 * @param initMin smallest initial value
 * @param initMax largest initial value
 * @param meaning one line for humans, with units
 */
public record UnitParameter(String key, double min, double max, double initMin, double initMax, String meaning) {

    public UnitParameter {
        if (!(min <= initMin && initMin <= initMax && initMax <= max)) {
            throw new IllegalArgumentException(key + ": need min <= init_min <= init_max <= max, not " + min + ", "
                    + initMin + ", " + initMax + ", " + max);
        }
    }

    /** @throws IllegalArgumentException naming the key, the first unit outside [min, max] and its value */
    public void require(double[] values) {
        for (int unit = 0; unit < values.length; unit++) {
            double value = values[unit];
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(key + " of unit " + unit + " is " + value + "; it must be in ["
                        + min + ", " + max + "]");
            }
        }
    }
}
