package io.patchbay.core.slot;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.Test;

/**
 * Lincheck model checking of the per-thread call counters: in every interleaving of threads counting calls
 * (their first call claims a cell, under the lock) and readers summing them, the counters behave as one counter
 * of ended calls: none is lost or counted twice. Its sequential specification is this class run one operation at
 * a time.
 */
public class CallCellsModelTest {

    private final CallCells cells = new CallCells();

    @Operation
    public void call() {
        CallCells.Cell mine = cells.mine();
        mine.enter();
        mine.leave();
    }

    @Operation
    public long calls() {
        return cells.calls();
    }

    @Test
    public void theCellsCountLikeOneCounter() {
        new ModelCheckingOptions().iterations(10).invocationsPerIteration(100).threads(3).actorsPerThread(3)
                .check(CallCellsModelTest.class);
    }
}
