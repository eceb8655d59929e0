package org.sernn.hardware;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A hardware target as read from {@code hardware-profiles/*.yaml} (keys in snake_case; the schema
 * is documented in hardware-profiles/README.md). Sections a target does not have are absent
 * (null): no {@code weights} means float weights, no {@code crossbar} means digital synapses, no
 * {@code energy} means the profile gives no energy figures. {@link ProfileValidator} checks ranges.
 *
 * @param kind how the target computes, which decides how energy is counted ({@link EnergyModel})
 */
public record HardwareProfile(String name, String description, Kind kind, WeightPrecision weights,
        NeuronPrecision neuron, ChipLimits limits, CrossbarSpec crossbar, EnergySpec energy) {

    /** How a target computes. */
    public enum Kind {
        /** float32 simulation, no hardware effects */
        IDEAL,
        /** a processor running dense steps: every multiply-accumulate costs energy */
        VON_NEUMANN,
        /** a digital spiking chip: energy per synaptic event and per neuron update */
        NEUROMORPHIC,
        /** analog in-memory computing on memristive (PCM) crossbars */
        CROSSBAR
    }

    /** Weight quantisation of a digital target. */
    public record WeightPrecision(Integer bits, Granularity granularity, Rounding rounding) {
        public WeightPrecision {
            rounding = rounding == null ? Rounding.NEAREST : rounding;
        }
    }

    /** Which weights share a quantisation scale. */
    public enum Granularity {
        /** one scale per weight matrix, max|W| / (2^(bits-1) - 1) (Xylo "global") */
        PER_TENSOR,
        /** one scale per target neuron, i.e. per row of a (post, pre) matrix (Xylo "channel") */
        PER_NEURON,
        /** integer mantissa times a power of two shared by the matrix (Loihi weight exponent) */
        SHARED_EXPONENT
    }

    public enum Rounding { NEAREST, STOCHASTIC }

    /**
     * How the chip represents the neuron: its decays, and optionally fixed-point state
     * ({@link FixedPointState}): {@code stateBits}-bit signed membrane and adaptation in units of the
     * weight LSB / 2^{@code weightShiftBits} (a synaptic input of one weight level adds
     * 2^weightShiftBits state units).
     */
    public record NeuronPrecision(Integer stateBits, Integer weightShiftBits, DecayMode decay) {
        public NeuronPrecision {
            decay = decay == null ? DecayMode.EXACT : decay;
        }
    }

    public enum DecayMode {
        /** exp(-dt / tau) in float */
        EXACT,
        /** 12-bit decay constants, value / 4096 (Loihi) */
        TWELVE_BIT,
        /** v <- v - (v >> dash), dash = round(log2(tau / dt)) (Xylo) */
        BIT_SHIFT
    }

    /** Capacity of the chip; absent entries are unlimited. */
    public record ChipLimits(Integer neuronsPerCore, Integer cores, Integer maxNeurons, Integer maxFanIn,
            Integer maxInputs, Integer maxOutputs) {
    }

    /**
     * A memristive crossbar: each weight is a differential pair W = (G+ - G-) / scale with
     * conductances in [g_min, g_max] microsiemens. The device model decides the noise and drift
     * laws; the numbers for the {@code nandakumar} model are given in the profile, the
     * {@code aihwkit} model has its published polynomial fits built in ({@link AihwkitPcm}).
     */
    public record CrossbarSpec(CrossbarDevice device, Double gMaxMicroSiemens, Double gMinMicroSiemens,
            Double programmingNoiseSlope, Double programmingNoiseOffsetMicroSiemens, Double readNoiseSlope,
            Double readNoiseOffsetMicroSiemens, Double driftNu, Double driftT0Seconds, Double readTimeSeconds,
            Double stuckAtZeroFraction, Double stuckAtMaxFraction, Periphery periphery, PulseSpec pulse) {
        public CrossbarSpec {
            stuckAtZeroFraction = stuckAtZeroFraction == null ? 0.0 : stuckAtZeroFraction;
            stuckAtMaxFraction = stuckAtMaxFraction == null ? 0.0 : stuckAtMaxFraction;
        }
    }

    public enum CrossbarDevice { NANDAKUMAR, AIHWKIT }

    /**
     * The converters around an analog matrix-vector product, in aihwkit's normalised units (IOParameters,
     * src/aihwkit/simulator/parameters/io.py): inputs scaled by their largest magnitude to [-1, 1],
     * weights by the matrix's largest magnitude, so one output unit is one full-scale weight times one
     * full-scale input ({@link AnalogTile}). Absent entries are ideal.
     *
     * @param dacBits     input DAC resolution (aihwkit inp_res = 1 / (2^7 - 2): 7 bits)
     * @param adcBits     output ADC resolution (aihwkit out_res = 1 / (2^9 - 2): 9 bits); needs adcBound
     * @param adcBound    outputs clip at +-adcBound (aihwkit out_bound = 12)
     * @param outputNoise std of Gaussian noise added to each output before the ADC (aihwkit out_noise = 0.06)
     */
    public record Periphery(Integer dacBits, Integer adcBits, Double adcBound, Double outputNoise) {
        public Periphery {
            outputNoise = outputNoise == null ? 0.0 : outputNoise;
        }
    }

    /**
     * One SET pulse of the Nandakumar et al. (2018) PCM model, for on-chip training: P_mem <-
     * P_mem exp(-1 / pmem_decay_pulses); dG ~ N(mu, sigma), mu = mu_g G + mu_0 + mu_p P_mem,
     * sigma = sigma_g G + sigma_0 + sigma_p P_mem; refresh when a device exceeds refresh_threshold
     * and |G+ - G-| is below a quarter of it; mixed precision pulses when the accumulator reaches
     * accumulator_threshold.
     */
    public record PulseSpec(Double pmemDecayPulses, Double muG, Double mu0MicroSiemens, Double muP, Double sigmaG,
            Double sigma0MicroSiemens, Double sigmaP, Double refreshThresholdMicroSiemens,
            Double accumulatorThresholdMicroSiemens) {
    }

    /**
     * Energy figures in joules (docs/energy.md), each a {@link EnergyRange}. On a von Neumann target
     * a synaptic op is a multiply-accumulate of a dense step.
     *
     * @param level          whether the figures are for the compute core alone or the whole system
     * @param includesMemory whether the per-op figures already include the memory accesses of the op
     *                       (measured chip figures do); when false, {@code memory} costs them
     * @param memory         where weights and state are held and what an access costs (optional)
     * @param mesh           the chip's network-on-chip, for placement and routing (optional)
     */
    public record EnergySpec(Level level, Boolean includesMemory, EnergyRange synapticOpJoules,
            EnergyRange neuronUpdateJoules, EnergyRange staticPowerWatts, MemorySpec memory, MeshSpec mesh) {
        public EnergySpec {
            level = level == null ? Level.UNSTATED : level;
            includesMemory = includesMemory == null ? Boolean.TRUE : includesMemory;
            staticPowerWatts = staticPowerWatts == null ? EnergyRange.ZERO : staticPowerWatts;
        }
    }

    /** What an energy figure covers. */
    public enum Level {
        /** the compute core (arithmetic, its SRAM): no host, no I/O, no power supply */
        CORE,
        /** the whole board or system as measured at the wall or supply */
        SYSTEM,
        /** the profile does not say (every shipped profile does); never like for like */
        UNSTATED
    }

    /**
     * Memory that holds weights and state (Horowitz, ISSCC 2014; Lemaire et al., ICONIP 2022;
     * Dampfhoffer et al., IEEE TETCI 2023). Data of a core (neuromorphic) or of the model (von Neumann)
     * that fits in {@code sramBytes} is read from SRAM at {@code sramJoulesPer64Bits}; otherwise from
     * DRAM at {@code dramJoulesPer64Bits} (von Neumann only).
     */
    public record MemorySpec(Long sramBytes,
            @JsonProperty("sram_joules_per_64_bits") EnergyRange sramJoulesPer64Bits,
            @JsonProperty("dram_joules_per_64_bits") EnergyRange dramJoulesPer64Bits) {
    }

    /**
     * A 2D mesh network-on-chip of {@code tilesX x tilesY} tiles with {@code coresPerTile} cores each
     * (Loihi: 8 x 4 tiles of 4 cores, Davies 2018 as modelled by SANA-FE). A spike is one packet per
     * destination core; a packet costs {@code packetJoules} at its source and {@code withinTileJoules}
     * when source and destination share a tile, else one hop energy per tile crossed.
     */
    public record MeshSpec(Integer tilesX, Integer tilesY, Integer coresPerTile, EnergyRange eastWestHopJoules,
            EnergyRange northSouthHopJoules, EnergyRange withinTileJoules, EnergyRange packetJoules) {
        public MeshSpec {
            withinTileJoules = withinTileJoules == null ? EnergyRange.ZERO : withinTileJoules;
            packetJoules = packetJoules == null ? EnergyRange.ZERO : packetJoules;
        }

        public int cores() {
            return tilesX * tilesY * coresPerTile;
        }
    }

    public boolean runsSpikesOnly() {
        return kind == Kind.NEUROMORPHIC || kind == Kind.CROSSBAR;
    }
}
