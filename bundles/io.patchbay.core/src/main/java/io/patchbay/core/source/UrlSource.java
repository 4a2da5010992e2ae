package io.patchbay.core.source;

import io.patchbay.api.PatchException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.UnknownHostException;

/**
 * Opens a patch's URL with a connect and a read timeout, so a server that never answers costs one apply a bounded
 * wait, and says in one sentence which URL stalled and which timeout ran out.
 */
public final class UrlSource {

    private UrlSource() {
    }

    /**
     * @param location the URL as the operator gave it, also the name in messages
     * @throws PatchException if it is not a URL, cannot be reached in time or answers with an HTTP error
     */
    public static InputStream open(String location, long connectMillis, long readMillis) throws IOException {
        String name = location;
        URL url;
        try {
            url = new URI(location).toURL();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PatchException(location + " is not a valid URL.");
        }
        URLConnection connection = url.openConnection();
        connection.setConnectTimeout(asInt(connectMillis));
        connection.setReadTimeout(asInt(readMillis));
        connection.setUseCaches(false);
        try {
            connection.connect();
        } catch (SocketTimeoutException e) {
            throw new PatchException("Could not connect to " + name + " within " + connectMillis
                    + " ms (url.connect.timeout.ms).", e);
        } catch (UnknownHostException e) {
            throw new PatchException(name + " could not be fetched: unknown host " + url.getHost() + ".", e);
        }
        try {
            if (connection instanceof HttpURLConnection http && http.getResponseCode() >= 400) {
                int code = http.getResponseCode();
                String message = http.getResponseMessage();
                http.disconnect();
                throw new PatchException(name + " could not be fetched: the server answered " + code
                        + (message == null ? "" : " " + message) + ".");
            }
            return new TimedStream(connection.getInputStream(), name, readMillis);
        } catch (SocketTimeoutException e) {
            throw stalled(name, readMillis, e);
        }
    }

    private static PatchException stalled(String name, long readMillis, SocketTimeoutException e) {
        return new PatchException(name + " stalled: no data within " + readMillis
                + " ms (url.read.timeout.ms); nothing was applied.", e);
    }

    private static int asInt(long millis) {
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    /** Turns a read timeout in the middle of the body into the same sentence. */
    private static final class TimedStream extends FilterInputStream {

        private final String name;
        private final long readMillis;

        TimedStream(InputStream in, String name, long readMillis) {
            super(in);
            this.name = name;
            this.readMillis = readMillis;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SocketTimeoutException e) {
                throw stalled(name, readMillis, e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (SocketTimeoutException e) {
                throw stalled(name, readMillis, e);
            }
        }
    }
}
