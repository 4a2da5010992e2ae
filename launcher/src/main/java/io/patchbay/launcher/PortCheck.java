package io.patchbay.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;

/**
 * Checks, before the framework starts, that the HTTP server will be able to listen: the HTTP bundle would only log
 * the failure and leave a container without a console. Binds like Jetty does (SO_REUSEADDR on, so connections in
 * TIME_WAIT from a previous run do not count) and closes again at once.
 */
final class PortCheck {

    private PortCheck() {
    }

    static void ensureFree(String host, int port) throws LaunchException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new LaunchException("The HTTP host \"" + host + "\" cannot be resolved; set an address of this "
                    + "machine with " + LauncherConfig.HOST.howToSet() + ".");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
        } catch (BindException e) {
            if (!isLocal(address)) {
                throw new LaunchException("The HTTP host \"" + host + "\" is not an address of this machine; set "
                        + "another with " + LauncherConfig.HOST.howToSet() + ".");
            }
            throw new LaunchException("HTTP port " + port + " on " + host + " is already in use; choose another with "
                    + LauncherConfig.PORT.howToSet() + ".");
        } catch (IOException e) {
            throw new LaunchException("Cannot listen on HTTP port " + port + " on " + host + " (" + e.getMessage()
                    + "); choose another with " + LauncherConfig.PORT.howToSet() + ".");
        }
    }

    private static boolean isLocal(InetSocketAddress address) {
        if (address.getAddress().isAnyLocalAddress() || address.getAddress().isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address.getAddress()) != null;
        } catch (SocketException e) {
            return true;
        }
    }
}
