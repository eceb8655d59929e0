package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.sim.InputBatch;
import org.sernn.task.IdxFixtures;
import org.sernn.task.Task;
import org.sernn.task.TaskBatch;
import org.sernn.task.Tasks;

/** {@code task.encoding: poisson} of sequential images reaches the Poisson encoder. */
class ImageEncodingTest {
    @TempDir
    Path dir;

    @Test
    void poissonEncodingAtOneSpikePerStepReproducesABlackAndWhiteImage() throws IOException {
        int[][] images = {{0, 255, 255, 0, 255, 0}, {255, 255, 0, 0, 0, 255}};
        IdxFixtures.writeImages(dir, "train", 2, 3, images, new int[] {1, 2}, false);
        IdxFixtures.writeImages(dir, "t10k", 2, 3, images, new int[] {1, 2}, false);
        String yaml = "sizes: {inputs: 3, recurrent: 8, outputs: 10}\nspace: {grid: [2, 2, 2]}\n"
                + "neuron: {type: lif, dt_ms: 1.0}\ninput: {max_rate_hz: 1000}\n"
                + "task: {name: sequential_image, path: '" + dir + "', encoding: poisson, steps_per_task_step: 2}\n";
        ModelConfig config = ConfigLoader.fromYaml(yaml, "inline");
        Task task = Tasks.of(config);
        TaskBatch batch = task.sample(2, new SplittableRandom(4));
        InputBatch spikes = new TaskInputs(config, task).encodeWithoutNoise(batch, new SplittableRandom(9));
        assertEquals(4, spikes.steps());
        for (int trial = 0; trial < 2; trial++) {
            int[] image = images[batch.factors()[trial][0]];
            double[] expected = new double[4 * 3];
            for (int step = 0; step < 4; step++) {
                for (int c = 0; c < 3; c++) {
                    expected[step * 3 + c] = image[(step / 2) * 3 + c] / 255.0;
                }
            }
            double[] actual = new double[4 * 3];
            System.arraycopy(spikes.values(), trial * 12, actual, 0, 12);
            assertArrayEquals(expected, actual, 0.0);
        }
    }

    @Test
    void poissonEncodingAtHalfRateSpikesAboutHalfTheTime() throws IOException {
        int[][] images = new int[1][28 * 28];
        java.util.Arrays.fill(images[0], 255);
        IdxFixtures.writeImages(dir, "train", 28, 28, images, new int[] {0}, true);
        IdxFixtures.writeImages(dir, "t10k", 28, 28, images, new int[] {0}, true);
        String yaml = "sizes: {inputs: 28, recurrent: 8, outputs: 10}\nspace: {grid: [2, 2, 2]}\n"
                + "neuron: {type: lif, dt_ms: 1.0}\ninput: {encoding: poisson, max_rate_hz: 500}\n"
                + "task: {name: sequential_image, path: '" + dir + "', encoding: poisson, steps_per_task_step: 10}\n";
        ModelConfig config = ConfigLoader.fromYaml(yaml, "inline");
        Task task = Tasks.of(config);
        InputBatch spikes = new TaskInputs(config, task).encodeWithoutNoise(task.sample(1, new SplittableRandom(1)),
                new SplittableRandom(2));
        double sum = 0;
        for (double v : spikes.values()) {
            assertEquals(v, Math.rint(v), 0.0);
            sum += v;
        }
        // 7,840 Bernoulli(0.5) draws: mean 0.5, standard deviation 0.0056; 5 sigma
        assertEquals(0.5, sum / spikes.values().length, 0.03);
    }

    @Test
    void aLossWindowLongerThanTheImageIsRefusedWithTheKey() throws IOException {
        int[][] images = {{0, 255, 255, 0, 255, 0}};
        IdxFixtures.writeImages(dir, "train", 2, 3, images, new int[] {1}, false);
        IdxFixtures.writeImages(dir, "t10k", 2, 3, images, new int[] {1}, false);
        String yaml = "name: short\nsizes: {inputs: 3, recurrent: 8, outputs: 10}\nspace: {grid: [2, 2, 2]}\n"
                + "task: {name: sequential_image, path: '" + dir + "', loss_window: 3}\n";
        ModelConfig config = ConfigLoader.fromYaml(yaml, "inline");
        org.sernn.UserError e = org.junit.jupiter.api.Assertions.assertThrows(org.sernn.UserError.class,
                () -> new TaskInputs(config, Tasks.of(config)));
        assertEquals("config short: key 'task.loss_window': value 3 is not allowed; must be at most the 2 task steps "
                + "of a sequential_image trial", e.getMessage());
    }
}
