package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sernn.space.GridLayout;
import org.sernn.space.Positions;

class CorePlacementTest {
    @Test
    void spatialPlacementOfALineGivesContiguousSegments() {
        CorePlacement placement = CorePlacement.spatial(GridLayout.positions(6, 1, 1), 2);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, placement.coreOfUnit());
        assertEquals(3, placement.readoutCore());
    }

    @Test
    void spatialPlacementOfAFourByFourGridGivesTwoByTwoBlocks() {
        Positions grid = GridLayout.positions(4, 4, 1);
        CorePlacement placement = CorePlacement.spatial(grid, 4);
        assertEquals(4, placement.recurrentCores());
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                if (placement.coreOfUnit()[i] == placement.coreOfUnit()[j]) {
                    assertTrue(Math.abs(grid.x(i) - grid.x(j)) <= 1 + 1e-9 && Math.abs(grid.y(i) - grid.y(j)) <= 1 + 1e-9,
                            "units " + i + " and " + j + " share a core but are not in one 2 x 2 block");
                }
            }
        }
    }

    @Test
    void everyPlacementRespectsTheCoreCapacityAndIsSeeded() {
        int[] perCore = new int[4];
        CorePlacement random = CorePlacement.random(10, 3, 7);
        for (int core : random.coreOfUnit()) {
            perCore[core]++;
        }
        assertEquals(4, random.recurrentCores());
        for (int count : perCore) {
            assertTrue(count <= 3 && count >= 2);
        }
        assertArrayEquals(random.coreOfUnit(), CorePlacement.random(10, 3, 7).coreOfUnit());
    }
}
