package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sernn.model.TaskNames;

class TasksTest {
    @Test
    void everyNameGivesItsTask() {
        assertInstanceOf(MazeTask.class, Tasks.byName("maze", false));
        assertInstanceOf(GoNoGoTask.class, Tasks.byName("go_nogo", false));
        assertInstanceOf(PerceptualDecisionTask.class, Tasks.byName("perceptual_decision", false));
        for (String name : Tasks.NAMES) {
            assertEquals(name, Tasks.byName(name, false).name());
            assertEquals(Tasks.byName(name, false).taskSteps(), TaskNames.TASK_STEPS.get(name),
                    "the config's check of task.loss_window knows " + name + "'s length");
        }
        assertEquals(Tasks.NAMES.size(), TaskNames.TASK_STEPS.size());
    }

    @Test
    void theShuffledFlagReachesTheMaze() {
        assertTrue(((MazeTask) Tasks.byName("maze", true)).shuffledLabels());
        assertFalse(((MazeTask) Tasks.byName("maze", false)).shuffledLabels());
    }

    @Test
    void anUnknownNameListsTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tasks.byName("Maze", false));
        assertTrue(e.getMessage().contains("'Maze'"), e.getMessage());
        for (String name : new String[] {"maze", "go_nogo", "perceptual_decision"}) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void shuffledLabelsAreRefusedOutsideTheMaze() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tasks.byName("go_nogo", true));
        assertTrue(e.getMessage().contains("shuffled"), e.getMessage());
    }
}
