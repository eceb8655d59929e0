package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** metrics.csv rows are typed records; the checkpoint's text form reads back to the same row. */
class EpochMetricsTest {
    @Test
    void rowReadsBackToTheSamePrintedRow() {
        EpochMetrics row = new EpochMetrics(7, 0.123456789012, 1.5e-4, 3.25e-6, 0.8125, 0.796875, 12.3456789,
                0.4375, 1234.56789012, -0.3141592, 41.2345);
        EpochMetrics parsed = EpochMetrics.parseCsvRow(row.csvRow());
        assertEquals(row.csvRow(), parsed.csvRow());
        assertEquals(7, parsed.epoch());
        assertEquals(1234.56789, parsed.totalAbsWRec(), 1e-5);
        assertEquals(EpochMetrics.HEADER.split(",").length, row.csvRow().split(",").length);
    }

    @Test
    void rowWithMissingColumnsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EpochMetrics.parseCsvRow("1,0.5,0.1"));
        assertEquals("metrics row has 3 columns, not 11: 1,0.5,0.1", e.getMessage());
    }
}
