package org.sernn.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.export.ExportFormat;
import org.sernn.export.NirDiscretisation;
import org.sernn.export.NirImporter;
import org.sernn.export.ProfileQuantisation;
import org.sernn.export.Quantisation;
import org.sernn.hardware.HardwareProfile;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sernn export MODEL --format nir|netx|npz --out FILE}: writes the model for a neuromorphic
 * toolchain. MODEL may also be a NIR file (imported at --dt-ms, with --discretisation), so {@code --format npz} turns a
 * NIR graph into a checkpoint the other verbs load. With {@code --profile} the model is exported as
 * that hardware profile deploys it: its decays, and its weights as the profile's integers with their
 * scales (NIR: integer weight nodes followed by Scale nodes; npz: {@code *_int} and {@code *_scale};
 * netx: the profile's 8-bit grid). What the target cannot reproduce (adaptation, refractory period,
 * reset, quantisation) is printed as warnings on stderr.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes MODEL as NIR, lava-dl netx or NumPy npz; warns about what the target approximates.")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Checkpoint (.npz), config (.yaml) or NIR graph (.nir).")
    Path model;

    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--format", required = true, description = "nir, netx or npz.")
    ExportFormat format;

    @Option(names = "--out", required = true, description = "File to write.")
    Path out;

    @Option(names = "--dt-ms", description = "Time step for a NIR MODEL without dt in its metadata, in ms.")
    Double dtMs;

    @Option(names = "--discretisation", defaultValue = "exact", description = "How a NIR MODEL's ODEs become steps: "
            + "exact (zero-order hold, decay exp(-dt/tau); sernn's own files) or euler (decay 1 - dt/tau, as snnTorch "
            + "and Norse integrate). Default ${DEFAULT-VALUE}.")
    String discretisation;

    @Option(names = "--profile", paramLabel = ProfileArgument.LABEL, converter = ProfileArgument.class,
            description = "Export the weights (integers and scales) and decays as this hardware profile quantises "
            + "them: a bundled profile's name (loihi, xylo, ...) or a profile YAML file.")
    HardwareProfile profile;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the device: the profile's stochastic "
            + "rounding, if any (default ${DEFAULT-VALUE}).")
    long deviceSeed;

    @Override
    public Integer call() {
        OutputPaths.file("--out", out);
        Network network = load();
        Quantisation quantisation = null;
        String quantised = "";
        if (profile != null) {
            HardwareProfile hardware = profile;
            ProfileQuantisation.Deployed deployed = ProfileQuantisation.deploy(network, hardware, deviceSeed);
            network = deployed.network();
            quantisation = deployed.quantisation();
            deployed.notes().forEach(note -> spec.commandLine().getErr().println("warning: " + note));
            quantised = ", weights quantised by profile " + hardware.name();
        }
        format.write(out, network, quantisation).forEach(note -> spec.commandLine().getErr().println("warning: " + note));
        System.out.println("wrote " + out + " (" + format.name().toLowerCase(Locale.ROOT) + ", " + network.nIn()
                + " inputs, " + network.nRec() + " recurrent units, " + network.nOut() + " outputs" + quantised + ")");
        return 0;
    }

    private Network load() {
        String name = model.getFileName() == null ? "" : model.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".nir")) {
            return ModelSource.load(model, configOptions.overrides());
        }
        if (dtMs != null && !(dtMs > 0)) {
            throw new UserError("--dt-ms must be > 0, was " + dtMs);
        }
        NirDiscretisation scheme = switch (discretisation.toLowerCase(Locale.ROOT)) {
            case "exact" -> NirDiscretisation.EXACT;
            case "euler" -> NirDiscretisation.EULER;
            default -> throw new UserError("--discretisation " + discretisation + ": expected exact or euler");
        };
        NirImporter.NirImport imported = NirImporter.read(model, dtMs == null ? null : dtMs / 1000, scheme);
        imported.approximations().forEach(note -> spec.commandLine().getErr().println("warning: " + note));
        return imported.network();
    }
}
