package org.sernn.neuron.adlif;

/**
 * Order of the two updates of an adLIF step (see {@link AdlifDynamics} for the equations); the
 * neuron type chooses it: {@code adlif} or {@code adlif_symplectic}.
 */
public enum AdlifDiscretisation {
    /**
     * As in sparch's AdLIF (Bittar and Garner, Front. Neurosci. 16:865897, 2022): the adaptation
     * w_t is updated first, from u_{t-1} and s_{t-1} (the membrane before its reset), then the
     * membrane from the new w_t.
     */
    BITTAR_GARNER,
    /**
     * The ordering of the symplectic-Euler adLIF (Baronig et al., Nat. Commun. 2025): the membrane
     * is updated first from w_{t-1}, then the adaptation from the new u_t after its reset
     * (u_t - theta s_t) and s_t. Their (1 - beta) factor on the adaptation input and reset to rest
     * are not taken over, so alpha, beta, a and b keep sparch's meaning and ranges. With theta = 1
     * this ordering is the Bittar-Garner one with b replaced by b - a and w shifted by one step (a
     * test checks it): the option changes how a and b act, not the family of dynamics.
     */
    SYMPLECTIC_EULER
}
