package org.sernn.linalg;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * expm(X) and the Frechet derivative L(X, E) of expm at X in direction E, computed together by
 * {@link FrechetExpm#expmAndFrechet}.
 *
 * @param expm expm(X), n x n
 * @param frechet L(X, E), n x n
 */
public record ExpmFrechet(INDArray expm, INDArray frechet) {
}
