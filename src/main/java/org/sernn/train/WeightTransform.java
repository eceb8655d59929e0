package org.sernn.train;

/**
 * What the forward pass sees of the trained weights. The learning rule runs on
 * {@code forward(params)} and its gradient updates {@code params} unchanged: the straight-through
 * estimator (Bengio et al. 2013) of hardware-aware training, e.g. quantisation-aware training.
 */
@FunctionalInterface
public interface WeightTransform {
    WeightTransform IDENTITY = params -> params;

    /** The weights as the forward pass uses them; must not modify {@code params}. */
    Params forward(Params params);
}
