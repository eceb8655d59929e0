package org.sernn.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sernn.UserError;

/** Resolves a MODEL argument: a checkpoint ({@code .npz}) or a config ({@code .yaml}, freshly initialised). */
public final class ModelSource {
    private ModelSource() {
    }

    public static Network load(Path model) {
        return load(model, List.of());
    }

    /** As {@link #load(Path)}, with {@code --set} overrides applied to a config (a checkpoint's are fixed). */
    public static Network load(Path model, List<ConfigOverride> overrides) {
        String name = model.getFileName() == null ? "" : model.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.exists(model)) {
            throw new UserError(model + ": model file not found");
        }
        if (Files.isDirectory(model)) {
            throw new UserError(model + ": is a folder; a model is a checkpoint (.npz) or a config (.yaml) file");
        }
        if (!Files.isRegularFile(model)) {
            throw new UserError(model + ": is not a regular file (a device, pipe or socket); a model is a checkpoint "
                    + "(.npz) or a config (.yaml) file");
        }
        if (name.endsWith(".npz")) {
            if (!overrides.isEmpty()) {
                throw new UserError(model + ": --set changes a config (.yaml); a checkpoint's config is fixed by its "
                        + "trained weights");
            }
            return NetworkCheckpoint.read(model);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            Path dir = model.toAbsolutePath().getParent();
            return NetworkFactory.build(ConfigOverride.apply(ConfigLoader.load(model), overrides, model.toString()),
                    dir);
        }
        throw new UserError(model + ": a model is a checkpoint (.npz) or a config (.yaml)");
    }
}
