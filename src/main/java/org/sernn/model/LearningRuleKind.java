package org.sernn.model;

/** Learning rule: surrogate-gradient BPTT or e-prop (Bellec et al. 2020). */
public enum LearningRuleKind {
    BPTT, EPROP;
}
