package org.sernn.sim;

/**
 * What a run produced. Arrays are indexed [(trial * steps + step) * width + index].
 *
 * @param spikes    the spike raster (empty for rate networks)
 * @param readout   y_t of the leaky readout, width n_out
 * @param voltage   membrane voltage v_t of spiking units or activation h_t of rate units, width
 *                  n_rec; null unless states were requested
 * @param threshold adaptive threshold A_t = v_th + beta a_t, width n_rec; null unless states were
 *                  requested or the network is a rate network
 * @param counts    operation counts
 */
public record Recording(int trials, int steps, int nRec, int nOut, SpikeRaster spikes, double[] readout,
        double[] voltage, double[] threshold, OpCounts counts) {

    public double readout(int trial, int step, int output) {
        return readout[(trial * steps + step) * nOut + output];
    }
}
