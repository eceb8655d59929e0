package org.sernn.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The NIR fixtures written by other tools (src/test/resources/nir, copied unchanged from the NIR paper's public repository). */
final class NirFixtures {
    /** The fixtures' time step (as their source repository documents them: 1000 rows of dt = 1e-4 s). */
    static final double DT_SECONDS = 1e-4;

    private NirFixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(NirFixtures.class.getResource("/nir/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV's rows: input spike, membrane voltage, output spike. */
    static double[][] trace(String name) {
        try {
            List<String> lines = Files.readAllLines(path(name));
            double[][] rows = new double[lines.size()][];
            for (int i = 0; i < rows.length; i++) {
                String[] cells = lines.get(i).split(",");
                rows[i] = new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
                        Double.parseDouble(cells[2])};
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
