package org.sernn.hardware;

import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;
import org.sernn.hardware.HardwareProfile.Kind;

/**
 * Range checks on a bound {@link HardwareProfile}: every field a kind needs is present and in
 * range. Each failure names the file, the key, the value and what is allowed.
 */
final class ProfileValidator {
    private static final int MAX_BITS = 32;
    /** Doubles hold integers exactly up to 2^53. */
    private static final int STATE_BITS_MAX = 53;
    /** Joules per op, per access and per hop: at most a millijoule. */
    private static final double MAX_JOULES = 1e-3;

    private final String source;

    private ProfileValidator(String source) {
        this.source = source;
    }

    static void validate(HardwareProfile p, String source) {
        ProfileValidator check = new ProfileValidator(source);
        check.present("name", p.name());
        check.present("kind", p.kind());
        if (p.weights() != null) {
            check.intRange("weights.bits", p.weights().bits(), 2, MAX_BITS);
            check.present("weights.granularity", p.weights().granularity());
        }
        if (p.neuron() != null && p.neuron().stateBits() != null) {
            validateState(p.neuron(), p.weights(), check);
        } else if (p.neuron() != null && p.neuron().weightShiftBits() != null) {
            check.fail("neuron.weight_shift_bits", p.neuron().weightShiftBits(), "given with neuron.state_bits");
        }
        if (p.limits() != null) {
            HardwareProfile.ChipLimits l = p.limits();
            check.optionalPositive("limits.neurons_per_core", l.neuronsPerCore());
            check.optionalPositive("limits.cores", l.cores());
            check.optionalPositive("limits.max_neurons", l.maxNeurons());
            check.optionalPositive("limits.max_fan_in", l.maxFanIn());
            check.optionalPositive("limits.max_inputs", l.maxInputs());
            check.optionalPositive("limits.max_outputs", l.maxOutputs());
            if ((l.neuronsPerCore() == null) != (l.cores() == null)) {
                check.fail("limits.cores", l.cores(), "given together with limits.neurons_per_core (or both absent)");
            }
        }
        if (p.kind() == Kind.CROSSBAR) {
            check.present("crossbar", p.crossbar());
            validateCrossbar(p.crossbar(), check);
        } else if (p.crossbar() != null) {
            check.fail("crossbar", "(a section)", "present only when kind is crossbar");
        }
        if (p.kind() == Kind.VON_NEUMANN || p.kind() == Kind.NEUROMORPHIC) {
            check.present("energy", p.energy());
        }
        if (p.energy() != null) {
            validateEnergy(p.energy(), p.kind(), check);
        }
    }

    private static void validateEnergy(HardwareProfile.EnergySpec e, Kind kind, ProfileValidator check) {
        check.energy("energy.synaptic_op_joules", e.synapticOpJoules(), Double.MIN_VALUE, MAX_JOULES);
        check.energy("energy.neuron_update_joules", e.neuronUpdateJoules(), Double.MIN_VALUE, MAX_JOULES);
        check.energy("energy.static_power_watts", e.staticPowerWatts(), 0, 1e6);
        if (!e.includesMemory()) {
            check.present("energy.memory", e.memory());
        }
        if (e.memory() != null) {
            HardwareProfile.MemorySpec m = e.memory();
            check.present("energy.memory.sram_bytes", m.sramBytes());
            if (m.sramBytes() < 1) {
                check.fail("energy.memory.sram_bytes", m.sramBytes(), "a whole number >= 1");
            }
            check.energy("energy.memory.sram_joules_per_64_bits", m.sramJoulesPer64Bits(), Double.MIN_VALUE,
                    MAX_JOULES);
            if (kind == Kind.VON_NEUMANN) {
                check.energy("energy.memory.dram_joules_per_64_bits", m.dramJoulesPer64Bits(), Double.MIN_VALUE,
                        MAX_JOULES);
            } else if (m.dramJoulesPer64Bits() != null) {
                check.fail("energy.memory.dram_joules_per_64_bits", "(given)", "absent unless kind is von_neumann "
                        + "(a neuromorphic core holds its weights and state on chip)");
            }
        }
        if (e.mesh() != null) {
            HardwareProfile.MeshSpec mesh = e.mesh();
            if (kind != Kind.NEUROMORPHIC) {
                check.fail("energy.mesh", "(a section)", "present only when kind is neuromorphic");
            }
            check.intRange("energy.mesh.tiles_x", mesh.tilesX(), 1, 1 << 16);
            check.intRange("energy.mesh.tiles_y", mesh.tilesY(), 1, 1 << 16);
            check.intRange("energy.mesh.cores_per_tile", mesh.coresPerTile(), 1, 1 << 16);
            check.energy("energy.mesh.east_west_hop_joules", mesh.eastWestHopJoules(), 0, MAX_JOULES);
            check.energy("energy.mesh.north_south_hop_joules", mesh.northSouthHopJoules(), 0, MAX_JOULES);
            check.energy("energy.mesh.within_tile_joules", mesh.withinTileJoules(), 0, MAX_JOULES);
            check.energy("energy.mesh.packet_joules", mesh.packetJoules(), 0, MAX_JOULES);
        }
    }

    private static void validateCrossbar(CrossbarSpec c, ProfileValidator check) {
        check.present("crossbar.device", c.device());
        check.positive("crossbar.g_max_micro_siemens", c.gMaxMicroSiemens());
        check.range("crossbar.g_min_micro_siemens", c.gMinMicroSiemens(), 0, c.gMaxMicroSiemens() * (1 - 1e-9));
        check.range("crossbar.stuck_at_zero_fraction", c.stuckAtZeroFraction(), 0, 1);
        check.range("crossbar.stuck_at_max_fraction", c.stuckAtMaxFraction(), 0, 1 - c.stuckAtZeroFraction());
        check.positive("crossbar.drift_t0_seconds", c.driftT0Seconds());
        if (c.periphery() != null) {
            validatePeriphery(c.periphery(), check);
        }
        switch (c.device()) {
            case NANDAKUMAR -> {
                check.range("crossbar.programming_noise_slope", c.programmingNoiseSlope(), 0, 10);
                check.range("crossbar.programming_noise_offset_micro_siemens", c.programmingNoiseOffsetMicroSiemens(),
                        0, c.gMaxMicroSiemens());
                check.range("crossbar.read_noise_slope", c.readNoiseSlope(), 0, 10);
                check.range("crossbar.read_noise_offset_micro_siemens", c.readNoiseOffsetMicroSiemens(), 0,
                        c.gMaxMicroSiemens());
                check.range("crossbar.drift_nu", c.driftNu(), 0, 1);
            }
            case AIHWKIT -> check.positive("crossbar.read_time_seconds", c.readTimeSeconds());
        }
        HardwareProfile.PulseSpec pulse = c.pulse();
        if (pulse != null) {
            check.positive("crossbar.pulse.pmem_decay_pulses", pulse.pmemDecayPulses());
            check.range("crossbar.pulse.mu_g", pulse.muG(), -10, 10);
            check.range("crossbar.pulse.mu0_micro_siemens", pulse.mu0MicroSiemens(), -c.gMaxMicroSiemens(),
                    c.gMaxMicroSiemens());
            check.range("crossbar.pulse.mu_p", pulse.muP(), -100, 100);
            check.range("crossbar.pulse.sigma_g", pulse.sigmaG(), 0, 10);
            check.range("crossbar.pulse.sigma0_micro_siemens", pulse.sigma0MicroSiemens(), 0, c.gMaxMicroSiemens());
            check.range("crossbar.pulse.sigma_p", pulse.sigmaP(), 0, 100);
            check.range("crossbar.pulse.refresh_threshold_micro_siemens", pulse.refreshThresholdMicroSiemens(),
                    0, c.gMaxMicroSiemens());
            check.range("crossbar.pulse.accumulator_threshold_micro_siemens",
                    pulse.accumulatorThresholdMicroSiemens(), 1e-9, c.gMaxMicroSiemens());
        }
    }

    /** Fixed-point state is counted in weight LSBs, so it needs the weights' bits and must hold one full-scale weight. */
    private static void validateState(HardwareProfile.NeuronPrecision neuron, HardwareProfile.WeightPrecision weights,
            ProfileValidator check) {
        check.intRange("neuron.state_bits", neuron.stateBits(), 2, STATE_BITS_MAX);
        if (weights == null) {
            check.fail("neuron.state_bits", neuron.stateBits(), "given with a weights section (the state is counted "
                    + "in weight LSBs)");
        }
        check.intRange("neuron.weight_shift_bits", neuron.weightShiftBits(), 0, MAX_BITS);
        int needed = weights.bits() + neuron.weightShiftBits();
        if (neuron.stateBits() < needed) {
            check.fail("neuron.state_bits", neuron.stateBits(), "at least weights.bits + neuron.weight_shift_bits = "
                    + needed + ", so that one full-scale synaptic input fits the state");
        }
    }

    private static void validatePeriphery(HardwareProfile.Periphery p, ProfileValidator check) {
        if (p.dacBits() != null) {
            check.intRange("crossbar.periphery.dac_bits", p.dacBits(), 2, MAX_BITS);
        }
        if (p.adcBits() != null) {
            check.intRange("crossbar.periphery.adc_bits", p.adcBits(), 2, MAX_BITS);
            if (p.adcBound() == null) {
                check.fail("crossbar.periphery.adc_bits", p.adcBits(),
                        "given with crossbar.periphery.adc_bound, the ADC's range (aihwkit out_bound 12)");
            }
        }
        if (p.adcBound() != null) {
            check.positive("crossbar.periphery.adc_bound", p.adcBound());
        }
        check.range("crossbar.periphery.output_noise", p.outputNoise(), 0, 10);
    }

    private void fail(String key, Object value, String allowed) {
        throw new UserError(source + ": key '" + key + "': value " + value + " is not allowed; must be " + allowed);
    }

    private void present(String key, Object value) {
        if (value == null) {
            throw new UserError(source + ": key '" + key + "' is missing; see hardware-profiles/README.md");
        }
    }

    private void range(String key, Double value, double min, double max) {
        present(key, value);
        if (!(value >= min && value <= max)) {
            fail(key, value, "in [" + min + ", " + max + "]");
        }
    }

    /** A figure or {low, point, high}: each in [min, max] and low <= point <= high. */
    private void energy(String key, EnergyRange value, double min, double max) {
        present(key, value);
        range(key + ".low", value.low(), min, max);
        range(key + ".point", value.point(), min, max);
        range(key + ".high", value.high(), min, max);
        if (!(value.low() <= value.point() && value.point() <= value.high())) {
            fail(key, value.toReport(), "ordered low <= point <= high");
        }
    }

    private void positive(String key, Double value) {
        present(key, value);
        if (!(value > 0) || Double.isInfinite(value)) {
            fail(key, value, "a finite number > 0");
        }
    }

    private void intRange(String key, Integer value, int min, int max) {
        present(key, value);
        if (value < min || value > max) {
            fail(key, value, "a whole number in [" + min + ", " + max + "]");
        }
    }

    private void optionalPositive(String key, Integer value) {
        if (value != null && value < 1) {
            fail(key, value, "a whole number >= 1 (or absent for no limit)");
        }
    }
}
