package org.sernn.hardware;

/**
 * Bits of one stored weight and of one stored state or parameter word on a target: the profile's
 * weight bits and fixed-point state bits, float32 where the profile leaves them free (the width a
 * PyTorch model, and so NeuroBench's footprint, would use). See docs/energy.md.
 */
public record StoragePrecision(int weightBits, int stateBits) {
    public static final int FLOAT32_BITS = 32;

    /** The precision a profile deploys at; a null profile is float32 throughout. */
    public static StoragePrecision of(HardwareProfile profile) {
        int weightBits = profile == null || profile.weights() == null ? FLOAT32_BITS : profile.weights().bits();
        int stateBits = profile == null || profile.neuron() == null || profile.neuron().stateBits() == null
                ? FLOAT32_BITS : profile.neuron().stateBits();
        return new StoragePrecision(weightBits, stateBits);
    }

    /** Whole bytes a weight occupies (bits rounded up to bytes, as memories are byte-addressed). */
    public int weightBytes() {
        return (weightBits + 7) / 8;
    }

    public int stateBytes() {
        return (stateBits + 7) / 8;
    }
}
