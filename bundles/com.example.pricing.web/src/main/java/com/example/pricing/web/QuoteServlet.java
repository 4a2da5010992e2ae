package com.example.pricing.web;

import com.example.pricing.api.PriceService;
import com.example.pricing.api.Quote;
import com.example.pricing.web.support.Json;
import com.example.pricing.web.support.JsonAnswer;
import com.example.pricing.web.support.QuoteRequest;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code GET /pricing/quote?sku=WIDGET&qty=10} answers the quote as JSON, on the same Jetty as the web console
 * (Jakarta Servlet whiteboard). A plain consumer: a static, mandatory reference that it keeps for its whole life.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/pricing/quote",
        "osgi.http.whiteboard.servlet.name=pricing-quote" })
public class QuoteServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference(policy = ReferencePolicy.STATIC)
    private PriceService prices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QuoteRequest parsed = QuoteRequest.parse(request.getParameter("sku"), request.getParameter("qty"));
        if (parsed.error() != null) {
            JsonAnswer.send(response, HttpServletResponse.SC_BAD_REQUEST, Json.error(parsed.error()));
            return;
        }
        Quote quote;
        try {
            quote = prices.quote(parsed.sku(), parsed.quantity());
        } catch (IllegalArgumentException e) {
            JsonAnswer.send(response, HttpServletResponse.SC_NOT_FOUND, Json.error(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            JsonAnswer.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Json.error("Pricing failed: " + e));
            return;
        }
        JsonAnswer.send(response, HttpServletResponse.SC_OK, Json.of(quote));
    }
}
