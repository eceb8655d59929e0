package org.sernn.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.export.ExportFormat;
import org.sernn.export.NirImporter;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sernn export MODEL --format nir|netx|npz --out FILE}: writes the model for a neuromorphic
 * toolchain. MODEL may also be a NIR file (imported at --dt-ms), so {@code --format npz} turns a
 * NIR graph into a checkpoint the other verbs load. What the target cannot reproduce (adaptation,
 * refractory period, reset, quantisation) is printed as warnings on stderr.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes MODEL as NIR, lava-dl netx or NumPy npz; warns about what the target approximates.")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Checkpoint (.npz), config (.yaml) or NIR graph (.nir).")
    Path model;

    @Option(names = "--format", required = true, description = "nir, netx or npz.")
    ExportFormat format;

    @Option(names = "--out", required = true, description = "File to write.")
    Path out;

    @Option(names = "--dt-ms", description = "Time step for a NIR MODEL without dt in its metadata, in ms.")
    Double dtMs;

    @Override
    public Integer call() {
        Network network = load();
        format.write(out, network, null).forEach(note -> spec.commandLine().getErr().println("warning: " + note));
        System.out.println("wrote " + out + " (" + format.name().toLowerCase(Locale.ROOT) + ", " + network.nIn()
                + " inputs, " + network.nRec() + " recurrent units, " + network.nOut() + " outputs)");
        return 0;
    }

    private Network load() {
        String name = model.getFileName() == null ? "" : model.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".nir")) {
            return ModelSource.load(model);
        }
        if (dtMs != null && !(dtMs > 0)) {
            throw new UserError("--dt-ms must be > 0, was " + dtMs);
        }
        NirImporter.NirImport imported = NirImporter.read(model, dtMs == null ? null : dtMs / 1000);
        imported.approximations().forEach(note -> spec.commandLine().getErr().println("warning: " + note));
        return imported.network();
    }
}
