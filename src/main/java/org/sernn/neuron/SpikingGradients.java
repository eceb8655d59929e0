package org.sernn.neuron;

import java.util.List;
import java.util.Optional;

/**
 * One spiking neuron model's part of learning: where its pseudo-derivative may be non-zero, its
 * backward step through time (BPTT) and its eligibility traces (e-prop), bound to its parameters and
 * to the surrogate's support when made ({@link SpikingModel#gradients}). The learning rules own
 * everything that is not the unit's state: the weights, the readout, the loss and the surrogate
 * function itself. Like the forward step, every method works on a whole trial (or a list of its
 * units) and must not allocate.
 *
 * <p>How BPTT (train/SpikingBptt) calls it, per trial b and step t:
 * <ol>
 *   <li>forward, after {@link SpikingDynamics#step}: {@link #nearThreshold} lists the units whose
 *       psi_t may be non-zero with their normalised distance x = (v - A) / v_th; the rule computes
 *       psi_t = surrogate(x, v_th) = dz_t / dv_t there; then {@link #recordForward}.</li>
 *   <li>backward, t from T - 1 down to 0: the rule sums dL/dz_t from the readout, the rate
 *       regulariser and W_rec^T dL/dI_{t+1} ({@link #currentGradient}), asks the model to add the
 *       terms through the unit's own state at t + 1 ({@link #addOwnStateGradient}: reset,
 *       adaptation), multiplies by psi_t and hands psi_t dL/dz_t to {@link #backwardStep}, after
 *       which {@link #currentGradient} is dL/dI_t, from which the rule forms the weight gradients.</li>
 * </ol>
 * e-prop (train/Eprop) uses {@link #nearThreshold} for psi and {@link #eligibilityTraces}.
 *
 * @param <S> the state type of the model's {@link SpikingDynamics}
 * @param <A> the adjoint (backward) state of a batch of trials: dL/d(state) per trial and unit
 */
public interface SpikingGradients<S extends SpikingState, A> {

    /** Per-unit v_th: the scale of the normalised distance x = (v - A) / v_th given to the surrogate. */
    double[] thresholdScale();

    /**
     * The units of one trial, after its step t, whose pseudo-derivative may be non-zero: not
     * refractory at t and closer to threshold than the surrogate's support.
     *
     * @param units    receives the units, increasing, at [outOffset, outOffset + count)
     * @param distance receives their x = (v - A) / v_th at the same positions
     * @return count
     */
    int nearThreshold(S state, int trial, int[] units, double[] distance, int outOffset);

    /** Adjoint state of a batch of trials, zero; {@code steps} is the sequence length it will see. */
    A newAdjoint(int trials, int steps);

    /** One trial's adjoint back to zero (dL/d state_T = 0), before a backward pass. */
    void resetAdjoint(A adjoint, int trial);

    /**
     * Called after each forward step of trial {@code trial} (state index {@code stateTrial}) at step
     * t, so that a model with {@link #trainableParameters} can keep what their gradients need. The
     * default keeps nothing.
     */
    default void recordForward(S state, int stateTrial, A adjoint, int trial, int t) {
    }

    /**
     * dL/dI of the trial's last backward step (of step t + 1 before {@link #backwardStep} at t, of
     * step t after it), n_rec values, live and read only.
     */
    double[] currentGradient(A adjoint, int trial);

    /**
     * gz[s] += the part of dL/dz_t of unit units[from + s] that flows through that unit's own state
     * at t + 1 (for ALIF: the adaptation and, unless {@code detachReset}, the reset), for s in
     * [0, count). Called before {@link #backwardStep} at t.
     */
    void addOwnStateGradient(A adjoint, int trial, int[] units, int from, int count, boolean detachReset,
            double[] gz);

    /**
     * Steps the trial's adjoint from t + 1 back to t given psi_t dL/dz_t at units[from + s]
     * (psiGz[s], zero at every other unit); afterwards {@link #currentGradient} is dL/dI_t.
     */
    void backwardStep(A adjoint, int trial, int t, int[] units, int from, int count, double[] psiGz);

    /** The per-unit parameters this model learns besides the weights; none by default. */
    default List<TrainableParameter> trainableParameters() {
        return List.of();
    }

    /**
     * Adds the batch's gradients of the {@link #trainableParameters} (parameter k of unit j at
     * k n + j) to {@code out}, after every trial's backward pass. Nothing by default.
     */
    default void addParameterGradients(A adjoint, double[] out) {
    }

    /**
     * Fresh eligibility traces for presynaptic vectors of {@code width} values, or empty when the
     * model has no local traces (then e-prop refuses it).
     */
    Optional<EligibilityTraces> eligibilityTraces(int width);
}
