package io.patchbay.bench.fragment;

import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceEvent;

/** The framework's view: the host's own PriceService unregistering and registering again. */
final class HostWatch implements AllServiceListener {

    private final String host;
    private volatile long down = Long.MIN_VALUE;
    private volatile long up = Long.MIN_VALUE;

    HostWatch(String host) {
        this.host = host;
    }

    void arm() {
        down = Long.MIN_VALUE;
        up = Long.MIN_VALUE;
    }

    long down() {
        return down;
    }

    long up() {
        return up;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        long now = System.nanoTime();
        Bundle bundle = event.getServiceReference().getBundle();
        if (bundle == null || !host.equals(bundle.getSymbolicName())) {
            return;
        }
        if (event.getType() == ServiceEvent.UNREGISTERING && down == Long.MIN_VALUE) {
            down = now;
        } else if (event.getType() == ServiceEvent.REGISTERED) {
            up = now;
        }
    }
}
