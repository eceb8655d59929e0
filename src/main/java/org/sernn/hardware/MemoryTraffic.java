package org.sernn.hardware;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sernn.hardware.HardwareProfile.MemorySpec;
import org.sernn.model.Network;

/**
 * Memory reads and writes of one inference in bits, after Lemaire et al. (ICONIP 2022) and
 * Dampfhoffer et al. (IEEE TETCI 2023), simplified as docs/energy.md states:
 * <ul>
 * <li>event-driven (neuromorphic): each synaptic event reads its weight and reads and writes the
 * target's membrane accumulator; each neuron update reads and writes the unit's state words;</li>
 * <li>dense (von Neumann): each MAC reads its weight; each step reads every layer input once
 * (n_in + 2 n_rec activations, held in registers across the outputs, accumulators in registers);
 * each neuron update reads and writes the unit's state words.</li>
 * </ul>
 * Weights are read from SRAM when the model's footprint fits the profile's SRAM, otherwise from DRAM
 * (von Neumann); state and activations always from SRAM. Addresses, routing tables and instruction
 * fetches are left out.
 */
public record MemoryTraffic(double weightReadBits, double stateReadBits, double stateWriteBits,
        double activationReadBits, boolean weightsInDram) {

    /** State words per unit: membrane and adaptation (and synaptic current) of a spiking unit, h of a rate unit. */
    static int stateWordsPerUnit(Network network) {
        return network.neurons().type().isSpiking() ? 2 + (network.neurons().hasSynapses() ? 1 : 0) : 1;
    }

    static MemoryTraffic eventDriven(Network network, double synapticEvents, double neuronUpdates,
            StoragePrecision precision) {
        double stateBits = precision.stateBits();
        double unitStateBits = neuronUpdates * stateWordsPerUnit(network) * stateBits;
        return new MemoryTraffic(synapticEvents * precision.weightBits(), synapticEvents * stateBits + unitStateBits,
                synapticEvents * stateBits + unitStateBits, 0, false);
    }

    static MemoryTraffic dense(Network network, double macs, double neuronUpdates, double steps,
            StoragePrecision precision, Long sramBytes, double footprintBytes) {
        double stateBits = precision.stateBits();
        double unitStateBits = neuronUpdates * stateWordsPerUnit(network) * stateBits;
        double activations = steps * (network.nIn() + 2.0 * network.nRec()) * stateBits;
        return new MemoryTraffic(macs * precision.weightBits(), unitStateBits, unitStateBits, activations,
                sramBytes != null && footprintBytes > sramBytes);
    }

    /** Energy at {@code joulesPer64Bits} of the memory holding each kind of data, linear in the bits moved. */
    EnergyRange joules(MemorySpec memory) {
        EnergyRange weightMemory = weightsInDram ? memory.dramJoulesPer64Bits() : memory.sramJoulesPer64Bits();
        return weightMemory.times(weightReadBits / 64.0)
                .plus(memory.sramJoulesPer64Bits().times((stateReadBits + stateWriteBits + activationReadBits) / 64.0));
    }

    public Map<String, Object> toReport() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("weight_read_bits_per_inference", weightReadBits);
        map.put("state_read_bits_per_inference", stateReadBits);
        map.put("state_write_bits_per_inference", stateWriteBits);
        map.put("activation_read_bits_per_inference", activationReadBits);
        map.put("weights_in", weightsInDram ? "dram" : "sram");
        return map;
    }
}
