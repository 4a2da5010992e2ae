package io.patchbay.webconsole;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Map;

/**
 * Gives the plugin's {@code res/} files their content type. {@code AbstractServlet} serves them and asks the
 * servlet context for the type, but the context the console hands to plugins knows none (web console 5.0.8 on
 * Felix HTTP 5) and the files would go out untyped, which a browser may refuse for a stylesheet.
 */
final class TypedResourceResponse extends HttpServletResponseWrapper {

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private final String path;

    TypedResourceResponse(HttpServletResponse response, String path) {
        super(response);
        this.path = path;
    }

    @Override
    public void setContentType(String type) {
        super.setContentType(type != null ? type : TYPES.get(path.substring(path.lastIndexOf('.') + 1)));
    }
}
