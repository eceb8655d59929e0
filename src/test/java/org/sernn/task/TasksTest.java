package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sernn.model.ModelConfig;
import org.sernn.model.TaskNames;

class TasksTest {
    private static Task byName(String name, boolean shuffledLabels) {
        return Tasks.of(new ModelConfig.TaskSpec(name, null, null, shuffledLabels, null, null, null, null, null, null,
                null, null, null, null, null), 1.0);
    }

    @Test
    void everyNameGivesItsTask() {
        assertInstanceOf(MazeTask.class, byName("maze", false));
        assertInstanceOf(GoNoGoTask.class, byName("go_nogo", false));
        assertInstanceOf(PerceptualDecisionTask.class, byName("perceptual_decision", false));
        for (String name : Tasks.NAMES) {
            if (Tasks.RECORDED.contains(name)) {
                continue;
            }
            assertEquals(name, byName(name, false).name());
            assertEquals(byName(name, false).taskSteps(), TaskNames.TASK_STEPS.get(name),
                    "the config's check of task.loss_window knows " + name + "'s length");
        }
        assertEquals(Tasks.NAMES.size() - Tasks.RECORDED.size(), TaskNames.TASK_STEPS.size());
    }

    @Test
    void theShuffledFlagReachesTheMaze() {
        assertTrue(((MazeTask) byName("maze", true)).shuffledLabels());
        assertFalse(((MazeTask) byName("maze", false)).shuffledLabels());
    }

    @Test
    void anUnknownNameListsTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> byName("Maze", false));
        assertTrue(e.getMessage().contains("'Maze'"), e.getMessage());
        for (String name : new String[] {"maze", "go_nogo", "perceptual_decision"}) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void shuffledLabelsAreRefusedOutsideTheMaze() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> byName("go_nogo", true));
        assertTrue(e.getMessage().contains("shuffled"), e.getMessage());
    }
}
