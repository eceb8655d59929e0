package org.sernn.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;

/** The epoch-NNN.npz checkpoints a training run leaves next to its model.npz, by epoch. */
public final class EpochCheckpoints {
    private static final Pattern NAME = Pattern.compile("epoch-(\\d+)\\.npz");

    private EpochCheckpoints() {
    }

    /** Structural metrics of each epoch checkpoint in {@code dir} (empty when there are none). */
    public static Map<Integer, StructuralMetrics> structure(Path dir, StructuralMetrics.Options options) {
        Map<Integer, StructuralMetrics> byEpoch = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return byEpoch;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    Network network = NetworkCheckpoint.read(file);
                    byEpoch.put(Integer.parseInt(m.group(1)), StructuralMetrics.of(network.wRec(),
                            network.positions().distanceMatrix(), options));
                }
            }
        } catch (IOException e) {
            throw new org.sernn.UserError(dir + ": cannot list epoch checkpoints: " + e.getMessage(), e);
        }
        return byEpoch;
    }
}
