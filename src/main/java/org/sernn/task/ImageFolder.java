package org.sernn.task;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sernn.UserError;
import org.sernn.io.IdxFile;

/**
 * Labelled greyscale images in MNIST's file layout: {@code PREFIX-images-idx3-ubyte[.gz]} (count x
 * rows x columns unsigned bytes) and {@code PREFIX-labels-idx1-ubyte[.gz]} (count labels 0..9),
 * prefix {@code train} or {@code t10k}. MNIST and Fashion-MNIST both ship this way.
 */
record ImageFolder(int count, int rows, int columns, byte[] pixels, byte[] labels, String source) {
    /** Both MNIST and Fashion-MNIST have ten classes. */
    static final int CLASSES = 10;
    static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";

    /** Reads the images and labels with {@code prefix} from {@code folder}. */
    static ImageFolder load(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            throw new UserError(folder + ": no such folder (task.path); install Fashion-MNIST with `apt-get install "
                    + DEBIAN_PACKAGE + "` or set task.path to a folder of MNIST-format IDX files");
        }
        Path imagesFile = find(folder, prefix + "-images-idx3-ubyte");
        Path labelsFile = find(folder, prefix + "-labels-idx1-ubyte");
        IdxFile images = IdxFile.read(imagesFile, IdxFile.IMAGES_MAGIC);
        IdxFile labels = IdxFile.read(labelsFile, IdxFile.LABELS_MAGIC);
        int count = images.dims()[0];
        if (labels.dims()[0] != count) {
            throw new UserError(labelsFile + ": holds " + labels.dims()[0] + " labels but " + imagesFile + " holds "
                    + count + " images; they must match");
        }
        if (count == 0 || images.dims()[1] == 0 || images.dims()[2] == 0) {
            throw new UserError(imagesFile + ": holds no pixels (dimensions " + count + " x " + images.dims()[1] + " x "
                    + images.dims()[2] + ")");
        }
        for (int i = 0; i < count; i++) {
            if (labels.valueAt(i) >= CLASSES) {
                throw new UserError(labelsFile + ": label " + labels.valueAt(i) + " of example " + i
                        + " is not allowed; must be in 0.." + (CLASSES - 1));
            }
        }
        return new ImageFolder(count, images.dims()[1], images.dims()[2], images.values(), labels.values(),
                imagesFile.toString());
    }

    private static Path find(Path folder, String stem) {
        Path gzip = folder.resolve(stem + ".gz");
        if (Files.isRegularFile(gzip)) {
            return gzip;
        }
        Path raw = folder.resolve(stem);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new UserError(folder + ": has neither " + stem + ".gz nor " + stem + " (task.path must be a folder of "
                + "MNIST-format IDX files; Fashion-MNIST: `apt-get install " + DEBIAN_PACKAGE + "`)");
    }

    /** Intensity of a pixel of an example, scaled to [0, 1]. */
    double intensity(int example, int pixel) {
        return (pixels[example * rows * columns + pixel] & 0xFF) / 255.0;
    }

    int label(int example) {
        return labels[example] & 0xFF;
    }
}
