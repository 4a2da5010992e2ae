package io.patchbay.routing.http;

import io.patchbay.api.Routing;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Runs every request inside {@link Routing#withKey} with the key from the first configured header present, else
 * the configured cookie, so that a key-split canary sends a tenant's or a user's requests to one implementation,
 * every time. A request without a key runs with none (the canary sends it to the baseline).
 */
@Component(service = Filter.class, configurationPid = RoutingKeyConfiguration.PID, property = {
        "osgi.http.whiteboard.filter.name=patchbay-routing-key",
        "osgi.http.whiteboard.filter.pattern=/*" })
public final class RoutingKeyFilter implements Filter {

    private final String[] headers;
    private final String cookie;

    @Activate
    public RoutingKeyFilter(RoutingKeyConfiguration configuration) {
        this.headers = configuration.headers();
        this.cookie = configuration.cookie() == null || configuration.cookie().isBlank() ? null
                : configuration.cookie().trim();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = request instanceof HttpServletRequest http ? keyOf(http) : null;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            Routing.withKey(key, () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    String keyOf(HttpServletRequest request) {
        for (String header : headers) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        Cookie[] cookies = cookie == null ? null : request.getCookies();
        if (cookies != null) {
            for (Cookie each : cookies) {
                if (cookie.equals(each.getName()) && each.getValue() != null && !each.getValue().isBlank()) {
                    return each.getValue().trim();
                }
            }
        }
        return null;
    }
}
