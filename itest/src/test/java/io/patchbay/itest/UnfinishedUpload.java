package io.patchbay.itest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * A raw-socket HTTP/1.1 client for one thing the JDK client cannot do: announce a large body, send only its start,
 * and read what the server answers then (the console must refuse an upload before it reads the body).
 */
final class UnfinishedUpload {

    private UnfinishedUpload() {
    }

    /**
     * POSTs a multipart upload announced as {@code length} bytes over a plain socket, sends only {@code start} of
     * it (padded to 256 KiB) and answers what the server says then: status line, headers and body. The read
     * times out if the server waits for the body.
     */
    static String post(int port, String path, String contentType, String token, byte[] start, int length)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String basic = Base64.getEncoder().encodeToString(("admin:" + Container.CONSOLE_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + basic
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n"
                    + (token.isEmpty() ? "" : "X-Patchbay-Token: " + token + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(Arrays.copyOf(start, Math.max(start.length, 256 << 10)));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** One HTTP/1.1 response: the head, then a body of Content-Length bytes or chunked. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line; !(line = line(in)).isEmpty();) {
            head.append(line).append('\n');
        }
        String headers = head.toString().toLowerCase(Locale.ROOT);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int lengthAt = headers.indexOf("content-length:");
        if (lengthAt >= 0) {
            int end = headers.indexOf('\n', lengthAt);
            body.writeBytes(in.readNBytes(Integer.parseInt(headers.substring(lengthAt + 15, end).trim())));
        } else if (headers.contains("transfer-encoding: chunked")) {
            for (int size; (size = Integer.parseInt(line(in).trim(), 16)) > 0; line(in)) {
                body.writeBytes(in.readNBytes(size));
            }
        }
        return head + "\n" + body.toString(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) {
                throw new EOFException("The connection closed in the middle of the answer: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

}
