package org.sernn.neuron.adlif;

import java.util.Arrays;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.SpikingGradients;
import org.sernn.neuron.SpikingModel;

/**
 * The adaptive LIF of Bittar and Garner (Front. Neurosci. 16:865897, 2022), optionally with the
 * symplectic-Euler ordering of Baronig et al. (Nat. Commun. 2025); docs/neurons.md.
 */
public final class AdlifModel implements SpikingModel<AdlifState, AdlifAdjoint> {
    private final NeuronParams population;
    private final AdlifParameters params;
    private final AdlifRanges ranges;
    private final AdlifDynamics dynamics;

    public AdlifModel(NeuronParams population) {
        this.population = population;
        this.params = AdlifParameters.of(population);
        this.ranges = AdlifRanges.sparch(population.dtMs());
        this.dynamics = new AdlifDynamics(params);
    }

    @Override
    public AdlifDynamics dynamics() {
        return dynamics;
    }

    @Override
    public SpikingGradients<AdlifState, AdlifAdjoint> gradients(double surrogateSupport) {
        return new AdlifGradients(dynamics, population.kappa(), surrogateSupport);
    }

    /** alpha, rho (sparch's beta), a and b of every unit, in that order. */
    @Override
    public double[] trainableValues() {
        int n = params.size();
        double[] values = new double[4 * n];
        System.arraycopy(params.alpha(), 0, values, 0, n);
        System.arraycopy(params.beta(), 0, values, n, n);
        System.arraycopy(params.a(), 0, values, 2 * n, n);
        System.arraycopy(params.b(), 0, values, 3 * n, n);
        return values;
    }

    /**
     * Into sparch's ranges (Bittar and Garner 2022; a >= 0, see {@link AdlifRanges}), as sparch
     * clamps before every forward pass.
     */
    @Override
    public void clampTrainable(double[] values) {
        ranges.clamp(values, params.size());
    }

    /** tau_m = -dt / ln(alpha) and tau_a = -dt / ln(rho) hold the decays; a and b are stored as they are. */
    @Override
    public NeuronParams withTrainableValues(double[] values) {
        int n = params.size();
        if (values.length != 4 * n) {
            throw new IllegalArgumentException("adLIF has 4 x " + n + " trainable values, not " + values.length);
        }
        double[] clamped = values.clone();
        clampTrainable(clamped);
        double dtMs = population.dtMs();
        double[] tauMMs = new double[n];
        double[] tauAMs = new double[n];
        for (int j = 0; j < n; j++) {
            tauMMs[j] = -dtMs / Math.log(clamped[j]);
            tauAMs[j] = -dtMs / Math.log(clamped[n + j]);
        }
        return population.toBuilder().tauMMs(tauMMs).tauAMs(tauAMs)
                .extra(AdlifParameters.couplingA(), Arrays.copyOfRange(clamped, 2 * n, 3 * n))
                .extra(AdlifParameters.incrementB(), Arrays.copyOfRange(clamped, 3 * n, 4 * n)).build();
    }
}
