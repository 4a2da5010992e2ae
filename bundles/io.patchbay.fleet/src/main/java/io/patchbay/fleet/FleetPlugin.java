package io.patchbay.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The web console's Fleet page, {@code /system/console/fleet}: what {@code patch:fleet} shows, refreshed live from
 * {@code GET fleet.json}. Read only: a fleet is steered from hawkBit.
 */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + FleetPlugin.LABEL,
        ServletConstants.PLUGIN_TITLE + "=Fleet",
        ServletConstants.PLUGIN_CATEGORY + "=Patchbay" })
public class FleetPlugin extends AbstractServlet {

    static final String LABEL = "fleet";

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile FleetAgent agent;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        if (("/" + LABEL + ".json").equals(path)) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(JSON.writeValueAsBytes(state()));
            return;
        }
        super.doGet(request, response);
    }

    /** {@code configured} false with the sentence, or the agent's {@link FleetStatus} fields and {@code text}. */
    ObjectNode state() {
        FleetAgent running = agent;
        if (running == null) {
            ObjectNode none = JSON.createObjectNode();
            none.put("configured", false);
            none.put("text", FleetText.NOT_CONFIGURED);
            return none;
        }
        FleetStatus status = running.status();
        ObjectNode state = JSON.valueToTree(status);
        state.put("configured", true);
        state.put("text", FleetText.of(status, System.currentTimeMillis()));
        return state;
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().print(readTemplateFile("/templates/fleet.html"));
    }
}
