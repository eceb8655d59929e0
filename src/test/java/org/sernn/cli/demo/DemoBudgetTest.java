package org.sernn.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The demo's side steps follow --epochs and --trials, and the default demo keeps its full budget. */
class DemoBudgetTest {
    @Test
    void theDefaultDemoKeepsItsFullBudget() {
        DemoBudget full = DemoBudget.of(DemoBudget.DEFAULT_EPOCHS, DemoBudget.DEFAULT_TRIALS);
        assertEquals(new DemoBudget(DemoBudget.FULL_RATE_EPOCHS, DemoBudget.FULL_EPROP_EPOCHS,
                DemoBudget.FULL_HARDWARE_TRIALS), full);
        // what the demo trained and deployed before the budget existed: 7 rate epochs, 6 e-prop epochs, 256 trials
        assertEquals(new DemoBudget(7, 6, 256), full);
        assertEquals(full, DemoBudget.of(1000, 100_000), "more epochs or trials never raise the side steps");
    }

    @Test
    void theCiDemoIsShortThroughout() {
        DemoBudget ci = DemoBudget.of(1, 16);
        assertEquals(new DemoBudget(DemoBudget.MIN_EPOCHS, DemoBudget.MIN_EPOCHS, 64), ci);
    }

    @Test
    void theBudgetGrowsWithTheOptionsUpToTheFullOne() {
        for (int epochs = 1; epochs <= 6; epochs++) {
            for (int trials = 1; trials <= 80; trials++) {
                DemoBudget budget = DemoBudget.of(epochs, trials);
                DemoBudget fewerTrials = DemoBudget.of(epochs, Math.max(1, trials - 1));
                DemoBudget fewerEpochs = DemoBudget.of(Math.max(1, epochs - 1), trials);
                assertTrue(budget.hardwareTrials() >= fewerTrials.hardwareTrials()
                        && budget.rateEpochs() >= fewerEpochs.rateEpochs()
                        && budget.epropEpochs() >= fewerEpochs.epropEpochs(), epochs + " epochs, " + trials + " trials");
                assertTrue(budget.rateEpochs() >= DemoBudget.MIN_EPOCHS && budget.hardwareTrials() >= 1
                        && budget.rateEpochs() <= DemoBudget.FULL_RATE_EPOCHS
                        && budget.hardwareTrials() <= DemoBudget.FULL_HARDWARE_TRIALS, budget.toString());
            }
        }
    }
}
