package com.example.pricing.web.support;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes one JSON answer with its status. */
public final class JsonAnswer {

    private JsonAnswer() {
    }

    public static void send(HttpServletResponse response, int status, String json) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setStatus(status);
        response.getWriter().write(json);
    }
}
