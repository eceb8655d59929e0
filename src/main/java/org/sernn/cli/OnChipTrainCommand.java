package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile;
import org.sernn.hardware.OnChipTrainer;
import org.sernn.hardware.PcmUpdateScheme;
import org.sernn.io.RunFolder;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.model.JsonReport;
import org.sernn.train.LearningRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sernn train-onchip MODEL --profile FILE --scheme S --out DIR}: training with weights on PCM. */
@Command(name = "train-onchip", mixinStandardHelpOptions = true,
        description = "Trains a model with its weights on a PCM crossbar profile (SET pulses, update schemes of "
                + "Demirag et al.); the config's learning rule gives the gradient. Writes DIR/report.json and DIR/model.npz.")
public final class OnChipTrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A config (.yaml) or checkpoint (.npz) with a task.")
    Path model;

    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--profile", required = true, paramLabel = ProfileArgument.LABEL,
            converter = ProfileArgument.class, description = "A crossbar profile with a crossbar.pulse section: a "
            + "bundled name (pcm-crossbar, pcm-aihwkit) or a profile YAML file.")
    HardwareProfile profile;

    @Option(names = "--scheme", required = true,
            description = "sign, stochastic, multi_memristor or mixed_precision.")
    PcmUpdateScheme scheme;

    @Option(names = "--pairs", defaultValue = "4",
            description = "Pairs per synapse for multi_memristor (default: ${DEFAULT-VALUE}; other schemes use 1).")
    int pairs;

    @Option(names = "--headroom", defaultValue = "2",
            description = "Weight range as a multiple of the initial largest |W| per matrix (default: ${DEFAULT-VALUE}).")
    double headroom;

    @Option(names = "--epochs", description = "Epochs (default: the config's training.epochs).")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Device seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Output directory (locked while training).")
    Path out;

    @Option(names = "--overwrite", description = "Remove the results that DIR holds (model.npz, report.json) first.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        OutputPaths.folder("--out", out);
        if (epochs != null && epochs < 0) {
            throw new UserError("--epochs must be at least 0, was " + epochs);
        }
        if (pairs < 1 || !(headroom >= 1)) {
            throw new UserError("--pairs must be >= 1 and --headroom >= 1, were " + pairs + " and " + headroom);
        }
        Network network = ModelSource.load(model, configOptions.overrides());
        HardwareProfile hardware = profile;
        if (hardware.crossbar() == null || hardware.crossbar().pulse() == null) {
            throw new UserError(profile.name() + ": on-chip training needs a crossbar profile with a crossbar.pulse section");
        }
        if (network.config().task() == null) {
            throw new UserError(model + ": on-chip training needs a task section");
        }
        int epochCount = epochs != null ? epochs : network.config().training().epochs();
        int pairCount = scheme == PcmUpdateScheme.MULTI_MEMRISTOR ? pairs : 1;
        try (RunFolder folder = RunFolder.open(out, overwrite ? RunFolder.Mode.OVERWRITE : RunFolder.Mode.NEW,
                List.of("model.npz", "report.json"), "--out")) {
            train(network, hardware, epochCount, pairCount);
        }
        return 0;
    }

    private void train(Network network, HardwareProfile hardware, int epochCount, int pairCount) throws IOException {
        OnChipTrainer.Result result = new OnChipTrainer(network, hardware.crossbar(), LearningRules.of(network),
                System.out).run(new OnChipTrainer.Settings(scheme, pairCount, headroom, epochCount, seed));
        NetworkCheckpoint.write(out.resolve("model.npz"), result.network());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("profile", hardware.name());
        fields.put("scheme", scheme.name().toLowerCase(Locale.ROOT));
        fields.put("pairs_per_synapse", pairCount);
        fields.put("learning_rule", network.config().training().learningRule().name().toLowerCase(Locale.ROOT));
        fields.put("epochs", epochCount);
        fields.put("validation_accuracy_per_epoch", result.validationAccuracy());
        fields.put("test_accuracy_mean", result.meanTestAccuracy());
        fields.put("test_accuracy_per_read", result.testAccuracy());
        fields.put("set_pulses", result.pulses());
        JsonReport.write(out.resolve("report.json"), JsonReport.withProvenance(fields, network.config(), seed));
        System.out.printf(Locale.ROOT, "%s: test accuracy %.4f (mean of %d noisy reads) after %d epochs, %d SET "
                + "pulses; %s%n", fields.get("scheme"), result.meanTestAccuracy(), OnChipTrainer.TEST_READS, epochCount,
                result.pulses(), out.resolve("report.json"));
    }
}
