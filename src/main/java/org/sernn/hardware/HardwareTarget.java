package org.sernn.hardware;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.sernn.hardware.HardwareProfile.DecayMode;
import org.sernn.hardware.HardwareProfile.NeuronPrecision;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.Simulator;

/**
 * A profile as a transformation of networks (docs/architecture.md, the pipeline): the network as the target would
 * hold it, with decays as the chip represents them, weights quantised (digital targets) or read
 * from a crossbar at a given time since programming. Biases stay as they are (digital). The
 * engines run the result like any other network.
 */
public final class HardwareTarget {
    /** Separates the output-noise stream from the device stream of the same seed. */
    private static final long OUTPUT_NOISE_SALT = 0x6f75745f6e6f6973L;

    private final HardwareProfile profile;

    public HardwareTarget(HardwareProfile profile) {
        this.profile = profile;
    }

    public HardwareProfile profile() {
        return profile;
    }

    /** The network on this target; refuses one that does not fit (see {@link ChipFit}). */
    public Network apply(Network network, DeviceConditions conditions) {
        ChipFit.require(network, profile);
        return applyUnchecked(network, conditions);
    }

    /** As {@link #apply} without the fit check (for energy estimates of networks that would not fit). */
    public Network applyUnchecked(Network network, DeviceConditions conditions) {
        Network deployed = decaysAndWeights(network, conditions);
        return fixedPointState(network).map(state -> state.apply(deployed)).orElse(deployed);
    }

    /**
     * The network with the target's decays and weights but in the model's units, without the chip's
     * fixed-point state (what an export writes); refuses one that does not fit.
     */
    public Network inModelUnits(Network network, DeviceConditions conditions) {
        ChipFit.require(network, profile);
        return decaysAndWeights(network, conditions);
    }

    /** Decays as the chip stores them; weights quantised or read from the crossbar, one device stream per matrix. */
    private Network decaysAndWeights(Network network, DeviceConditions conditions) {
        SplittableRandom random = new SplittableRandom(conditions.deviceSeed());
        NeuronParams neurons = profile.neuron() == null ? network.neurons()
                : withDecays(network.neurons(), profile.neuron().decay());
        double[] wIn = network.wIn().toArray();
        double[] wRec = network.wRec().toArray();
        double[] wOut = network.wOut().toArray();
        int n = network.nRec();
        if (profile.crossbar() != null) {
            Crossbar crossbar = new Crossbar(profile.crossbar());
            double t = conditions.secondsSinceProgramming();
            boolean compensate = conditions.driftCompensation();
            wIn = crossbar.deploy(wIn, null, t, compensate, random.split());
            wRec = crossbar.deploy(wRec, recurrentDevices(network), t, compensate, random.split());
            wOut = crossbar.deploy(wOut, null, t, compensate, random.split());
        } else if (profile.weights() != null) {
            WeightQuantiser quantiser = new WeightQuantiser(profile.weights());
            wIn = quantiser.quantise(wIn, n, network.nIn(), random.split());
            wRec = quantiser.quantise(wRec, n, n, random.split());
            wOut = quantiser.quantise(wOut, network.nOut(), n, random.split());
        }
        return new Network(network.config(), network.positions(), neurons, DenseMatrix.of(n, network.nIn(), wIn),
                DenseMatrix.of(n, n, wRec), DenseMatrix.of(network.nOut(), n, wOut), network.bRec(), network.bOut());
    }

    /**
     * The chip's fixed-point state for {@code network} (weights as trained: the quantiser's levels
     * come from them); empty when the profile gives no state width or the network has no spiking state.
     */
    public Optional<FixedPointState> fixedPointState(Network network) {
        NeuronPrecision neuron = profile.neuron();
        if (profile.weights() == null || neuron == null || neuron.stateBits() == null
                || !network.neurons().type().isSpiking()) {
            return Optional.empty();
        }
        WeightQuantiser quantiser = new WeightQuantiser(profile.weights());
        int n = network.nRec();
        return Optional.of(new FixedPointState(neuron, quantiser.rowScales(network.wIn().toArray(), n, network.nIn()),
                quantiser.rowScales(network.wRec().toArray(), n, n)));
    }

    /**
     * The engine that runs networks on this target: the crossbar read path ({@link CrossbarSimulator}:
     * DAC, output noise, ADC) when the profile gives a crossbar periphery, the dense engine otherwise.
     *
     * @param trained the network as trained: its largest |W| per matrix is what the crossbar maps to
     *                full conductance
     */
    public Simulator simulator(Network trained, long deviceSeed) {
        if (profile.crossbar() == null || profile.crossbar().periphery() == null) {
            return new DenseSimulator();
        }
        double[] fullScales = {maxAbs(trained.wIn().toArray()), maxAbs(trained.wRec().toArray()),
            maxAbs(trained.wOut().toArray())};
        return new CrossbarSimulator(profile.crossbar().periphery(), fullScales, deviceSeed ^ OUTPUT_NOISE_SALT);
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static NeuronParams withDecays(NeuronParams p, DecayMode mode) {
        double dt = p.dtMs();
        double[] alphaSyn = p.alphaSyn();
        for (int j = 0; j < alphaSyn.length; j++) {
            // the synapse's decay as the chip stores it (tau_syn = -dt / ln alpha_syn); a 12-bit
            // decay that rounds to 4096/4096 is kept just below 1, the largest a synapse may have
            if (alphaSyn[j] > 0) {
                alphaSyn[j] = Math.min(DecayQuantiser.decay(-dt / Math.log(alphaSyn[j]), dt, mode), Math.nextDown(1.0));
            }
        }
        NeuronParams decays = new NeuronParams(p.type(), p.activation(), dt,
                p.tauOutMs() > 0 ? DecayQuantiser.effectiveTauMs(p.tauOutMs(), dt, mode) : p.tauOutMs(),
                effective(p.tauMMs(), dt, mode), effective(p.tauAMs(), dt, mode), p.beta(), p.vTh(), p.nRef(),
                p.excitatory()).withSynapticDecay(alphaSyn);
        return decays.withStatePrecision(p.statePrecision().orElse(null));
    }

    private static double[] effective(double[] tauMs, double dtMs, DecayMode mode) {
        double[] out = new double[tauMs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = DecayQuantiser.effectiveTauMs(tauMs[i], dtMs, mode);
        }
        return out;
    }

    /**
     * Which recurrent weights have devices on a crossbar: all but the diagonal of a spiking network
     * (its units have no self-connections), all of a rate network.
     */
    static boolean[] recurrentDevices(Network network) {
        int n = network.nRec();
        boolean[] devices = new boolean[n * n];
        Arrays.fill(devices, true);
        if (!network.neurons().type().isSpiking()) {
            return devices;
        }
        for (int i = 0; i < n; i++) {
            devices[i * n + i] = false;
        }
        return devices;
    }
}
