package org.sernn.sim;

/**
 * What a run produced. Arrays are indexed [(trial * steps + step) * width + index].
 *
 * @param spikes     the spike raster (empty for rate networks)
 * @param readout    y_t of the leaky readout, width n_out
 * @param voltage    membrane voltage v_t of spiking units, width n_rec; null unless states were
 *                   requested, and always null for rate networks
 * @param threshold  firing threshold of spiking units (for ALIF A_t = v_th + beta a_t), width n_rec;
 *                   null when voltage is
 * @param activation activation h_t = f(I_t) of rate units, width n_rec; null unless states were
 *                   requested, and always null for spiking networks
 * @param counts     operation counts
 */
public record Recording(int trials, int steps, int nRec, int nOut, SpikeRaster spikes, double[] readout,
        double[] voltage, double[] threshold, double[] activation, OpCounts counts) {

    public double readout(int trial, int step, int output) {
        return readout[(trial * steps + step) * nOut + output];
    }
}
