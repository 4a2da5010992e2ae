package io.patchbay.webconsole;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads what a POST sends, in one of its three forms: a urlencoded form; a {@code multipart/form-data} body (the
 * console's servlet has multipart enabled) with the jar in the part {@code patch}; or the jar as the raw request
 * body. The token and the reason are never read from the query string, which ends up in logs, browser history and
 * links that anyone can make: only from the body's form fields or from a header.
 */
final class Requests {

    /** The part that carries the jar in a multipart upload. */
    static final String PATCH_PART = "patch";

    /** Request header with the reason, percent-encoded UTF-8 like a URL component; a form field wins over it. */
    static final String REASON_HEADER = "X-Patchbay-Reason";

    private static final int MAX_FIELD = 8 * 1024;
    private static final int MAX_NAME = 120;

    private Requests() {
    }

    /** A patch jar being uploaded: a name for messages and its bytes. */
    record Upload(String name, InputStream content) {
    }

    /** A request parameter from the query string or the body's fields; {@code null} if absent. */
    static String parameter(HttpServletRequest request, String name) throws IOException, ServletException {
        String value = request.getParameter(name);
        return value != null ? value : field(request, name);
    }

    /**
     * A form field of the body only, never of the query string: a text part of a multipart body or a field of a
     * urlencoded one; {@code null} if absent or if the body is neither. Reads (and for multipart parses) the body.
     */
    static String field(HttpServletRequest request, String name) throws IOException, ServletException {
        if (multipart(request)) {
            Part part = request.getPart(name);
            if (part == null || part.getSubmittedFileName() != null) {
                return null;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readNBytes(MAX_FIELD), StandardCharsets.UTF_8);
            }
        }
        if (!urlencoded(request)) {
            return null;
        }
        // the servlet spec presents query values before body values: skip as many as the query has
        String[] values = request.getParameterValues(name);
        int fromQuery = occurrences(request.getQueryString(), name);
        return values != null && values.length > fromQuery ? values[fromQuery] : null;
    }

    /** The reason: the form field {@code reason}, else the {@value #REASON_HEADER} header; trimmed, null if blank. */
    static String reason(HttpServletRequest request) throws IOException, ServletException {
        String reason = field(request, "reason");
        if (reason == null || reason.isBlank()) {
            String header = request.getHeader(REASON_HEADER);
            reason = header == null ? null : percentDecoded(header);
        }
        return reason == null || reason.isBlank() ? null : reason.trim();
    }

    /** The uploaded jar, or {@code null} when the request carries none (a urlencoded form, a multipart without it). */
    static Upload upload(HttpServletRequest request) throws IOException, ServletException {
        if (multipart(request)) {
            Part part = request.getPart(PATCH_PART);
            return part == null ? null : new Upload(name(part.getSubmittedFileName()), part.getInputStream());
        }
        if (urlencoded(request)) {
            return null;
        }
        return new Upload(name(request.getParameter("name")), request.getInputStream());
    }

    static boolean multipart(HttpServletRequest request) {
        return hasType(request, "multipart/form-data");
    }

    static boolean urlencoded(HttpServletRequest request) {
        return hasType(request, "application/x-www-form-urlencoded");
    }

    private static boolean hasType(HttpServletRequest request, String type) {
        String given = request.getContentType();
        return given != null && given.toLowerCase().startsWith(type);
    }

    /** How often {@code name} occurs in a raw query string. */
    static int occurrences(String query, String name) {
        if (query == null || query.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            try {
                key = URLDecoder.decode(key, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // compared as sent
            }
            if (key.equals(name)) {
                count++;
            }
        }
        return count;
    }

    /** {@code %XX} sequences decoded as UTF-8 bytes; everything else, {@code +} too, kept as it is. */
    static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (c == '%' && low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The upload's file name without folders or control characters, short, {@code upload.jar} when none. */
    static String name(String given) {
        if (given == null || given.isBlank()) {
            return "upload.jar";
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").trim();
        if (name.isEmpty()) {
            return "upload.jar";
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
