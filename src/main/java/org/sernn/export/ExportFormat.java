package org.sernn.export;

import java.nio.file.Path;
import java.util.List;
import org.sernn.model.Network;

/** The interchange formats sernn writes (docs/formats.md). */
public enum ExportFormat {
    /** Neuromorphic Intermediate Representation (HDF5), see {@link NirExporter}. */
    NIR,
    /** lava-dl netx network description for Loihi (HDF5), see {@link NetxExporter}. */
    NETX,
    /** NumPy archive of the whole model, see {@link NpzExporter}. */
    NPZ;

    /**
     * Writes {@code network} to {@code file} atomically.
     *
     * @param quantisation integer weights to export in place of the network's, or null
     * @return warnings about what the target will not reproduce, for the user to see
     */
    public List<String> write(Path file, Network network, Quantisation quantisation) {
        return switch (this) {
            case NIR -> {
                NirExporter.NirExport export = NirExporter.toGraph(network, quantisation);
                NirFile.write(file, export.graph());
                yield export.warnings();
            }
            case NETX -> NetxExporter.write(file, network, quantisation).warnings();
            case NPZ -> {
                NpzExporter.write(file, network, quantisation);
                yield List.of();
            }
        };
    }
}
