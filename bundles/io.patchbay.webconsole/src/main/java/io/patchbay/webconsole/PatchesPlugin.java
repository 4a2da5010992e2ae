package io.patchbay.webconsole;

import io.patchbay.api.PatchManager;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The web console's Patches page, {@code /system/console/patches}: every slot with its implementations, live call
 * counts and a chart, the canaries in progress, the ledger, and the actions apply, revert and activate, and
 * canary, promote, hold and resume. {@code GET patches.json} answers the
 * same state as JSON; {@code POST} does the actions for the page and for scripts, answering JSON. The console's
 * login protects everything; every POST must also carry the CSRF token that the page and the JSON hand out, and is
 * refused before its body is read when it does not.
 * Static files ({@code res/}) are served by the console ({@link ConsolePlugin}). Only translates: the work is the
 * {@link PatchManager}'s. The JSON and the parameters are documented in {@code docs/webconsole.md}.
 */
@Component(service = Servlet.class, property = {
        ConsolePlugin.LABEL + "=" + PatchesPlugin.LABEL,
        ConsolePlugin.TITLE + "=" + PatchesPlugin.TITLE,
        ConsolePlugin.CATEGORY + "=Patchbay",
        ConsolePlugin.CSS + "=" + PatchesPlugin.STYLE })
public class PatchesPlugin extends ConsolePlugin {

    static final String LABEL = "patches";
    static final String TITLE = "Patches";
    static final String STYLE = "/" + LABEL + "/res/patches.css";

    /**
     * Request header that carries the CSRF token (a urlencoded form may send the field {@code token} instead);
     * also set on the JSON answer.
     */
    static final String TOKEN_HEADER = "X-Patchbay-Token";

    private static final long serialVersionUID = 1L;
    private static final int LEDGER_DEFAULT = 100;

    private final transient PatchManager manager;
    private final transient CsrfTokens tokens = new CsrfTokens();

    /** The dry run behind {@code POST patches/check}; registered by the same manager bundle. */
    @Reference(policy = ReferencePolicy.STATIC)
    private transient io.patchbay.api.PatchInspector inspector;

    /** Started by DS; a plugin without its manager has nothing to show, so the reference is static and mandatory. */
    @Activate
    public PatchesPlugin(@Reference(policy = ReferencePolicy.STATIC) PatchManager manager) {
        super(LABEL, TITLE, STYLE);
        this.manager = manager;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (("/" + LABEL + ".json").equals(request.getPathInfo())) {
            String token = tokens.token(user(request));
            response.setHeader(TOKEN_HEADER, token);
            send(response, Outcome.OK, PatchesJson.state(manager, token, ledgerLimit(request)));
            return;
        }
        String path = request.getPathInfo();
        if (ObserveAction.gets(path)) { // a trace's calls so far, the retirement report
            ObserveAction.Answer answer = new ObserveAction(inspector).get(request);
            send(response, answer.status(), answer.json());
            return;
        }
        // res/ files; anything else is left to the console, which frames the page around renderContent
        super.doGet(request, path == null ? response : new TypedResourceResponse(response, path));
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the console's writer replaces ${...} in the template: pluginRoot, and the token put here
        templateVariable(request, "patchbay.token", tokens.token(user(request)));
        response.getWriter().print(readTemplateFile("/templates/patches.html"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String user = user(request);
        Outcome outcome;
        if (!tokens.valid(user, presentedToken(request))) {
            outcome = Outcome.forbidden(); // and nothing of a multipart or jar body has been read
        } else if (ObserveAction.posts(request.getPathInfo())) {
            ObserveAction.Answer answer = new ObserveAction(inspector).post(request);
            send(response, answer.status(), answer.json());
            return;
        } else if (CheckAction.PATH.equals(request.getPathInfo())) {
            CheckAction.Answer answer = new CheckAction(inspector).perform(request);
            send(response, answer.status(), answer.json());
            return;
        } else {
            try {
                String actor = user.isEmpty() ? "webconsole" : "webconsole:" + user;
                outcome = new Actions(manager).perform(request, actor);
            } catch (RuntimeException e) {
                log("Patchbay action failed", e);
                outcome = Outcome.failed(e);
            }
        }
        send(response, outcome.status(), PatchesJson.outcome(outcome));
    }

    /**
     * The token a POST presents, found without reading a body that may be a large upload: the header
     * {@value #TOKEN_HEADER}; only a urlencoded form (small, bounded by Jetty's form size limit) may carry it as
     * its field {@code token} instead. Never from the query string.
     */
    private static String presentedToken(HttpServletRequest request) throws IOException, ServletException {
        String header = request.getHeader(TOKEN_HEADER);
        if (header != null || !Requests.urlencoded(request)) {
            return header;
        }
        return Requests.field(request, "token");
    }

    /** The console user; the console has authenticated every request that reaches a plugin. */
    private static String user(HttpServletRequest request) {
        String user = request.getRemoteUser();
        if (user == null) {
            Object attribute = request.getAttribute("org.osgi.service.http.authentication.remote.user");
            user = attribute == null ? "" : attribute.toString();
        }
        return user;
    }

    private static int ledgerLimit(HttpServletRequest request) {
        String value = request.getParameter("ledger");
        if (value == null || value.isBlank()) {
            return LEDGER_DEFAULT;
        }
        if (value.equals("all")) {
            return Integer.MAX_VALUE;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return LEDGER_DEFAULT;
        }
    }

    private static void send(HttpServletResponse response, int status, String json) throws IOException {
        setNoCache(response);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().print(json);
    }
}
