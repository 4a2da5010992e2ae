package io.patchbay.webconsole;

import java.net.URL;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.felix.webconsole.AbstractWebConsolePlugin;
import org.apache.felix.webconsole.DefaultVariableResolver;
import org.apache.felix.webconsole.WebConsoleConstants;
import org.apache.felix.webconsole.WebConsoleUtil;

/**
 * The namespace seam of the console pages, Felix Web Console 4 (javax.servlet, Apache Karaf 4.4) side: the same
 * members as {@code io.patchbay.webconsole}'s {@code ConsolePlugin} for Web Console 5, which the pages' shared
 * sources call. Web Console 4 asks the plugin for its label, title, category and style sheets, and finds its
 * {@code res/} files through a {@code getResource(String)} method.
 */
abstract class ConsolePlugin extends AbstractWebConsolePlugin {

    static final String LABEL = WebConsoleConstants.PLUGIN_LABEL;
    static final String TITLE = WebConsoleConstants.PLUGIN_TITLE;
    static final String CATEGORY = WebConsoleConstants.PLUGIN_CATEGORY;
    static final String CSS = WebConsoleConstants.PLUGIN_CSS_REFERENCES;

    private static final long serialVersionUID = 1L;
    private static final String PATCHBAY = "Patchbay";

    private final String label;
    private final String title;
    private final String[] css;

    ConsolePlugin(String label, String title, String... css) {
        this.label = label;
        this.title = title;
        this.css = css.clone();
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public String getTitle() {
        return title;
    }

    @Override
    public String getCategory() {
        return PATCHBAY;
    }

    @Override
    protected String[] getCssReferences() {
        return css.length == 0 ? null : css.clone();
    }

    /** {@code <label>/res/<file>}: the bundle's {@code res/<file>}; found by Web Console 4 by its name. */
    protected URL getResource(String path) {
        String prefix = "/" + label + "/res/";
        return path != null && path.startsWith(prefix)
                ? getClass().getResource("/res/" + path.substring(prefix.length())) : null;
    }

    /** A {@code ${name}} the console replaces in what {@code renderContent} writes. */
    final void templateVariable(HttpServletRequest request, String name, String value) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> variables = (DefaultVariableResolver) WebConsoleUtil.getVariableResolver(request);
        variables.put(name, value);
    }

    static void setNoCache(HttpServletResponse response) {
        WebConsoleUtil.setNoCache(response);
    }
}
