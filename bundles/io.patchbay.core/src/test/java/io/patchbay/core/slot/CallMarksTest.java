package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * The marks a drain takes of the calls a thread has running ({@link CallCells#putInside}) and how it learns that
 * the thread left them ({@link CallCells#leftSince}), however calls nest.
 */
public class CallMarksTest {

    private final CallCells cells = new CallCells();
    private final CallCells.Cell mine = cells.mine();
    private final long me = Thread.currentThread().getId();

    @Test
    public void aThreadWithNoCallRunningIsNotMarked() {
        mine.enter();
        mine.leave();
        assertTrue(inside().isEmpty());
    }

    @Test
    public void aMarkedThreadHasLeftOnceItStartsANewOutermostCall() {
        mine.enter();
        long mark = inside().get(me);
        assertEquals(1, mark);
        assertFalse("its call still runs", cells.leftSince(me, mark));
        mine.leave();
        mine.enter(); // a new outermost call: the marked one returned
        assertTrue(cells.leftSince(me, mark));
    }

    @Test
    public void callsNestedInAMarkedOneDoNotEndIt() {
        mine.enter();
        long mark = inside().get(me);
        mine.enter(); // nested in the marked call
        mine.leave();
        mine.enter(); // nested again: as many have ended as had started by the mark
        assertFalse("the marked call still runs below", cells.leftSince(me, mark));
        mine.leave();
        assertFalse(cells.leftSince(me, mark));
        mine.leave();
        assertTrue("no call runs", cells.leftSince(me, mark));
    }

    @Test
    public void aThreadWithNoCellHasEnded() {
        assertTrue(cells.leftSince(me + 1_000, 5));
    }

    private Map<Long, Long> inside() {
        Map<Long, Long> inside = new HashMap<>();
        cells.putInside(inside);
        return inside;
    }
}
