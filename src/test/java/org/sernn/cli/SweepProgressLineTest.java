package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sernn.analysis.sweep.NetworkKind;
import org.sernn.analysis.sweep.PlanEntry;
import org.sernn.analysis.sweep.SweepRun;
import org.sernn.analysis.sweep.SweepRunner;
import org.sernn.model.RegulariserKind;

/** A sweep's progress line names the run (index, kind, regulariser, strength, seed) and how it ended. */
class SweepProgressLineTest {
    @Test
    void theLineNamesTheRunAndItsOutcome() {
        PlanEntry entry = new PlanEntry(5, new SweepRun(NetworkKind.SPIKING, RegulariserKind.L1, 0.003, 2), null,
                "configs/alif-l1.yaml", new PlanEntry.AnalysisSettings(10, 0, 10, 1));
        assertEquals("run 5 spiking l1 lambda 0.003 seed 2 already done",
                SweepCommand.progressLine(entry, SweepRunner.Outcome.ALREADY_DONE));
    }
}
