package com.example.pricing.web.v2;

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

/** {@code GET /v2/pricing/quote?sku=WIDGET&qty=10&currency=USD}: the 2.0 contract, beside the 1.0 endpoint. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/v2/pricing/quote",
        "osgi.http.whiteboard.servlet.name=pricing-quote-v2" })
public class QuoteServletV2 extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference(policy = ReferencePolicy.STATIC)
    private PriceService prices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QuoteRequest parsed = QuoteRequest.parse(request.getParameter("sku"), request.getParameter("qty"));
        String currency = request.getParameter("currency");
        if (parsed.error() != null) {
            JsonAnswer.send(response, HttpServletResponse.SC_BAD_REQUEST, Json.error(parsed.error()));
            return;
        }
        try {
            Quote quote = prices.quote(parsed.sku(), parsed.quantity(), currency == null ? "EUR" : currency);
            JsonAnswer.send(response, HttpServletResponse.SC_OK, Json.of(quote));
        } catch (IllegalArgumentException e) {
            JsonAnswer.send(response, HttpServletResponse.SC_NOT_FOUND, Json.error(e.getMessage()));
        } catch (RuntimeException e) {
            JsonAnswer.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Json.error("Pricing failed: " + e));
        }
    }
}
