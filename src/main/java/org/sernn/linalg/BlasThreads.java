package org.sernn.linalg;

import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How many threads the BLAS products use: both the OpenBLAS that {@link Gemm} and {@link DenseAlgebra}
 * call directly and ND4J's own binding. Below {@link #SMALL_NETWORK_UNITS} units a training product is
 * too small to share: a second BLAS thread spins and yields more than it computes (a 100-unit rate
 * network trained 3 epochs on this project's 2-core machine: 1.5 s per epoch and 12.5 s of CPU on two
 * BLAS threads, 1.0 s and 5.7 s on one; benchmarks/results/training-speed/rate). The thread count can
 * change a product's last bits (OpenBLAS splits its sums differently), so pinning small networks to one
 * thread also makes their training bit-identical on every machine; larger networks keep the library's
 * default (the n = 1,000 regulariser takes half the wall time on two threads) and with it that dependence.
 */
public final class BlasThreads {
    /** Networks smaller than this train on one BLAS thread; larger ones keep the library's default. */
    public static final int SMALL_NETWORK_UNITS = 512;

    private BlasThreads() {
    }

    /** One BLAS thread for a network of fewer than {@link #SMALL_NETWORK_UNITS} units; else unchanged. */
    public static void forNetworkOf(int units) {
        if (units < SMALL_NETWORK_UNITS) {
            set(1);
        }
    }

    /** Every BLAS product on {@code threads} threads. */
    public static void set(int threads) {
        openblas.blas_set_num_threads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
