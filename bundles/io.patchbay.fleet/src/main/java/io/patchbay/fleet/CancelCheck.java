package io.patchbay.fleet;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the server asks to cancel the action in progress, asked during a deployment's health window: polls the
 * controller resource at most once per interval and remembers a cancel once seen. A server that does not answer
 * asks for nothing: the window goes on.
 */
final class CancelCheck {

    private static final Logger LOG = Logger.getLogger(CancelCheck.class.getName());

    private final DdiClient ddi;
    private final long intervalMillis;
    private long lastLook;
    private boolean seen;

    CancelCheck(DdiClient ddi, long intervalMillis) {
        this.ddi = ddi;
        this.intervalMillis = intervalMillis;
    }

    synchronized boolean requested() {
        long now = System.currentTimeMillis();
        if (!seen && now - lastLook >= intervalMillis) {
            lastLook = now;
            try {
                seen = ddi.poll().cancelHref() != null;
            } catch (IOException e) {
                LOG.log(Level.FINE, "No answer while watching for a cancel", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return seen;
    }

    synchronized void reset() {
        seen = false;
    }
}
