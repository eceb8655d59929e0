package org.sernn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile;
import org.sernn.hardware.QuantisationAwareTraining;
import org.sernn.io.RunFolder;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ConfigOverride;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.train.Trainer;
import org.sernn.train.TrainingData;
import org.sernn.train.WeightTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sernn train CONFIG --out DIR [--resume | --overwrite]}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a model on its task; writes DIR/model.npz, DIR/epoch-NNN.npz, DIR/metrics.csv and "
                + "DIR/test-confusion.csv.")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "A model config (.yaml) with task and training sections.")
    Path config;

    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Option(names = "--out", required = true, description = "Output directory (locked while training).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in DIR from its last completed epoch.")
    boolean resume;

    @Option(names = "--overwrite", description = "Remove the run that DIR holds, then train afresh.")
    boolean overwrite;

    @Option(names = "--seed", description = "Override the config's seed.")
    Long seed;

    @Option(names = "--no-progress", description = "No progress bar (for logs).")
    boolean noProgress;

    @Option(names = "--profile", paramLabel = ProfileArgument.LABEL, converter = ProfileArgument.class,
            description = "Quantisation-aware training for this hardware profile's weight "
            + "precision (straight-through gradients).")
    HardwareProfile profile;

    @Override
    public Integer call() {
        OutputPaths.folder("--out", out);
        if (resume && overwrite) {
            throw new UserError("--resume and --overwrite exclude each other: continue the run in " + out
                    + " or replace it");
        }
        String name = String.valueOf(config.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            throw new UserError(config + ": is a checkpoint; train starts from a config (.yaml), and --resume "
                    + "continues the run in --out");
        }
        List<ConfigOverride> overrides = new ArrayList<>(training.overrides());
        overrides.addAll(configOptions.overrides());
        ModelConfig modelConfig = ConfigOverride.apply(ConfigLoader.load(config), overrides, config.toString());
        if (seed != null) {
            modelConfig = modelConfig.withSeed(seed);
        }
        Network network = NetworkFactory.build(modelConfig, config.toAbsolutePath().getParent());
        TrainingData.requireTaskSizes(network, config.toString());
        WeightTransform forward = profile == null ? WeightTransform.IDENTITY
                : new QuantisationAwareTraining(profile);
        RunFolder.Mode mode = resume ? RunFolder.Mode.RESUME : overwrite ? RunFolder.Mode.OVERWRITE : RunFolder.Mode.NEW;
        try (RunFolder folder = RunFolder.open(out, mode, Trainer.RUN_FILES, "--out")) {
            boolean hasModel = folder.previousRun().contains(out.resolve("model.npz"));
            if (resume && !hasModel && !folder.previousRun().isEmpty()) {
                throw new UserError("--out " + out + ": holds files of a run but no model.npz to resume from; "
                        + "start again with --overwrite");
            }
            Trainer.Result result = new Trainer(network, out, System.out, !noProgress, forward).run(resume);
            System.out.printf(Locale.ROOT, "validation accuracy %.4f, test accuracy %.4f; model: %s%n",
                    result.validationAccuracy(), result.testAccuracy(), out.resolve("model.npz"));
        }
        return 0;
    }
}
