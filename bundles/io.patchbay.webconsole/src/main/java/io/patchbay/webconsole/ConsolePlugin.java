package io.patchbay.webconsole;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;

/**
 * The namespace seam of the console pages, Felix Web Console 5 (jakarta.servlet) side. The pages are written once,
 * against this class and {@code jakarta.servlet}; {@code io.patchbay.webconsole.javax} compiles the same sources,
 * rewritten to {@code javax.servlet} by the Eclipse Transformer, against its own {@code ConsolePlugin} for Web
 * Console 4 (Apache Karaf 4.4). Only this class differs between the two; keep its members in step with that one.
 */
abstract class ConsolePlugin extends AbstractServlet {

    static final String LABEL = ServletConstants.PLUGIN_LABEL;
    static final String TITLE = ServletConstants.PLUGIN_TITLE;
    static final String CATEGORY = ServletConstants.PLUGIN_CATEGORY;
    static final String CSS = ServletConstants.PLUGIN_CSS_REFERENCES;

    private static final long serialVersionUID = 1L;

    /** Label, title and style sheets come from the service properties here; Web Console 4 asks the plugin. */
    ConsolePlugin(String label, String title, String... css) {
    }

    /** A {@code ${name}} the console replaces in what {@code renderContent} writes. */
    final void templateVariable(HttpServletRequest request, String name, String value) {
        getVariableResolver(request).put(name, value);
    }
}
