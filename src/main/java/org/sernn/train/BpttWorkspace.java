package org.sernn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sernn.neuron.SpikingDynamics;
import org.sernn.neuron.SpikingGradients;
import org.sernn.neuron.SpikingState;

/**
 * Every array one {@link SpikingBptt} pass needs for a (batch, steps, units) shape, allocated once
 * and reused by later batches of that shape. Per-trial state is one array per trial (rows that the
 * JIT compiler vectorises); the trajectory is time-major, row (t * B + b).
 */
final class BpttWorkspace<S extends SpikingState, A> {
    final int batch;
    final int steps;
    final int n;
    final int nIn;
    final int nOut;
    final TrialBlocks blocks;
    final BpttWeights weights;

    // Forward: the input current of each trial; the unit state of each block's trials (trial b - from).
    final double[][] current;
    final List<S> states;
    // Scratch of each block.
    final double[][] recurrent;
    final long[][] unitSpikes;
    final double[][] psiGz;
    // Trajectory, one list per row: the units with psi_t != 0 and their psi_t, the units that spiked; the readout.
    final int[] activeUnits;
    final double[] activePsi;
    final int[] activeCount;
    final int[] spikeUnits;
    final int[] spikeCount;
    final double[] drive;
    final double[] gradDrive;
    // Backward state of every trial, the neuron model's.
    final A adjoint;
    final BlockGradients[] gradients;
    private final SpikingGradients<S, A> unitGradients;

    BpttWorkspace(SpikingDynamics<S> units, SpikingGradients<S, A> unitGradients, int batch, int steps, int n, int nIn, int nOut, int trialsPerBlock) {
        this.batch = batch;
        this.steps = steps;
        this.n = n;
        this.nIn = nIn;
        this.nOut = nOut;
        this.blocks = new TrialBlocks(batch, trialsPerBlock);
        this.weights = new BpttWeights(n, nIn, nOut);
        int rows = batch * steps;
        int blockCount = blocks.count();
        current = new double[batch][n];
        states = new ArrayList<>(blockCount);
        for (int k = 0; k < blockCount; k++) {
            states.add(units.newState(blocks.to(k) - blocks.from(k)));
        }
        recurrent = new double[blockCount][n];
        unitSpikes = new long[blockCount][n];
        psiGz = new double[blockCount][n];
        activeUnits = new int[rows * n];
        activePsi = new double[rows * n];
        activeCount = new int[rows];
        spikeUnits = new int[rows * n];
        spikeCount = new int[rows];
        drive = new double[rows * nOut];
        gradDrive = new double[rows * nOut];
        adjoint = unitGradients.newAdjoint(batch, steps);
        this.unitGradients = unitGradients;
        gradients = new BlockGradients[blockCount];
        for (int k = 0; k < blockCount; k++) {
            gradients[k] = new BlockGradients(n, nIn, nOut);
        }
    }

    boolean fits(int batch, int steps, int n, int nIn, int nOut) {
        return this.batch == batch && this.steps == steps && this.n == n && this.nIn == nIn && this.nOut == nOut;
    }

    /** The state of trials [from, to) and block {@code block}'s sums back at zero, for a new pass. */
    void reset(int block, int from, int to) {
        states.get(block).reset();
        for (int b = from; b < to; b++) {
            unitGradients.resetAdjoint(adjoint, b);
        }
        Arrays.fill(unitSpikes[block], 0L);
        gradients[block].clear();
    }
}
