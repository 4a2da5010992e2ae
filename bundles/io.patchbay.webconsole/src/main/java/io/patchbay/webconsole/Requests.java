package io.patchbay.webconsole;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads what a POST sends, in either of its two forms: parameters in the query or a urlencoded body with the
 * patch jar as the raw request body, or a {@code multipart/form-data} body (the console's servlet has multipart
 * enabled) with the jar in the part {@code patch}.
 */
final class Requests {

    /** The part that carries the jar in a multipart upload. */
    static final String PATCH_PART = "patch";

    private static final int MAX_FIELD = 8 * 1024;
    private static final int MAX_NAME = 120;

    private Requests() {
    }

    /** A patch jar being uploaded: a name for messages and its bytes. */
    record Upload(String name, InputStream content) {
    }

    /** A request parameter, also from a text part of a multipart body; {@code null} if absent. */
    static String parameter(HttpServletRequest request, String name) throws IOException, ServletException {
        String value = request.getParameter(name);
        if (value != null || !multipart(request)) {
            return value;
        }
        Part part = request.getPart(name);
        if (part == null || part.getSubmittedFileName() != null) {
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_FIELD), StandardCharsets.UTF_8);
        }
    }

    /** The uploaded jar, or {@code null} when the request carries none (a urlencoded form, a multipart without it). */
    static Upload upload(HttpServletRequest request) throws IOException, ServletException {
        if (multipart(request)) {
            Part part = request.getPart(PATCH_PART);
            return part == null ? null : new Upload(name(part.getSubmittedFileName()), part.getInputStream());
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        return new Upload(name(request.getParameter("name")), request.getInputStream());
    }

    static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/form-data");
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
