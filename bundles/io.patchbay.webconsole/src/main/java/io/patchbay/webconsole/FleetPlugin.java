package io.patchbay.webconsole;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The web console's Fleet page, {@code /system/console/fleet}: what {@code patch:fleet} shows, refreshed live from
 * {@code GET fleet.json}. Read only: a fleet is steered from hawkBit. The JSON is the fleet agent bundle's
 * ({@code io.patchbay.fleet}), which registers it as a {@code Supplier<String>} with {@value #STATE}; without that
 * bundle there is no page.
 */
@Component(service = Servlet.class, property = {
        ConsolePlugin.LABEL + "=" + FleetPlugin.LABEL,
        ConsolePlugin.TITLE + "=" + FleetPlugin.TITLE,
        ConsolePlugin.CATEGORY + "=Patchbay" })
public class FleetPlugin extends ConsolePlugin {

    static final String LABEL = "fleet";
    static final String TITLE = "Fleet";
    /** The target filter that finds the fleet agent bundle's page state. */
    static final String STATE = "(patchbay.console.page=fleet)";

    private static final long serialVersionUID = 1L;

    /**
     * The page state, obtained on the first {@code fleet.json} and kept (SCR releases it with this component):
     * obtaining it activates the fleet bundle's component (its JSON mapper), which the console's start does not need.
     */
    private final transient ComponentServiceObjects<Supplier<String>> state;

    private transient volatile Supplier<String> page;

    @Activate
    public FleetPlugin(@Reference(policy = ReferencePolicy.STATIC, target = STATE)
            ComponentServiceObjects<Supplier<String>> state) {
        super(LABEL, TITLE);
        this.state = state;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (("/" + LABEL + ".json").equals(request.getPathInfo())) {
            setNoCache(response);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(page().get().getBytes(StandardCharsets.UTF_8));
            return;
        }
        super.doGet(request, response);
    }

    private Supplier<String> page() {
        Supplier<String> known = page;
        if (known == null) {
            synchronized (this) {
                known = page != null ? page : state.getService();
                page = known;
            }
        }
        return known;
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().print(readTemplateFile("/templates/fleet.html"));
    }
}
