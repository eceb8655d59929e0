package org.sernn.train;

import org.sernn.linalg.NativeDoubles;

/**
 * The arrays of one {@link RateBptt} batch shape, allocated once and reused while the shape stays
 * the same. Time-major, row (t * B + b) holding trial b at step t. Java arrays hold what the
 * element-wise loops read and write; the native arrays hold the GEMM operands: the states with one
 * block of zeros in front (h_{-1} = 0), so that the previous step's states are the same array one
 * block earlier, the current adjoints, the readout's drive and adjoint, the weights and one block of
 * scratch for the per-step products.
 */
final class RateBpttWorkspace {
    final int batch;
    final int steps;
    final int nIn;
    final int n;
    final int nOut;
    final int rows;

    final double[] x;
    final double[] preActivation;
    final double[] states;
    final double[] gradPre;
    final double[] drive;
    final double[] gradDrive;
    /** One step of all trials (B x n): a product coming back from native memory. */
    final double[] blockProduct;
    /** W_in by input channel, inByChannel[k] = W_in[:, k], and the gradient's columns in the making. */
    final double[][] inByChannel;
    final double[][] gradInByChannel;

    /** (T + 1) B x n: zeros, then h_0 .. h_{T-1}. */
    final NativeDoubles paddedStates;
    final NativeDoubles gradPreNative;
    final NativeDoubles gradDriveNative;
    final NativeDoubles driveNative;
    final NativeDoubles blockNative;
    final NativeDoubles wRec;
    final NativeDoubles wOut;
    final NativeDoubles gradWRec;
    final NativeDoubles gradWOut;

    RateBpttWorkspace(int batch, int steps, int nIn, int n, int nOut) {
        this.batch = batch;
        this.steps = steps;
        this.nIn = nIn;
        this.n = n;
        this.nOut = nOut;
        this.rows = batch * steps;
        this.x = new double[rows * nIn];
        this.preActivation = new double[rows * n];
        this.states = new double[rows * n];
        this.gradPre = new double[rows * n];
        this.drive = new double[rows * nOut];
        this.gradDrive = new double[rows * nOut];
        this.blockProduct = new double[batch * n];
        this.inByChannel = new double[nIn][n];
        this.gradInByChannel = new double[nIn][n];
        this.paddedStates = new NativeDoubles((long) (rows + batch) * n);
        paddedStates.zero(0, batch * n);
        this.gradPreNative = new NativeDoubles((long) rows * n);
        this.gradDriveNative = new NativeDoubles((long) rows * nOut);
        this.driveNative = new NativeDoubles((long) rows * nOut);
        this.blockNative = new NativeDoubles((long) batch * n);
        this.wRec = new NativeDoubles((long) n * n);
        this.wOut = new NativeDoubles((long) nOut * n);
        this.gradWRec = new NativeDoubles((long) n * n);
        this.gradWOut = new NativeDoubles((long) nOut * n);
    }

    boolean fits(int batch, int steps, Params p) {
        return this.batch == batch && this.steps == steps && nIn == p.nIn && n == p.nRec && nOut == p.nOut;
    }
}
