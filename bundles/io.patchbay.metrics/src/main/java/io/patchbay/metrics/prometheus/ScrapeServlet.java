package io.patchbay.metrics.prometheus;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code GET} answers the registry's metrics in the format the scraper asks for ({@code Accept}): the Prometheus
 * text format 0.0.4 by default, OpenMetrics text when asked. The writers are the Prometheus client's; protobuf is
 * not offered (its writer is a separate module this bundle does not carry), so a scraper asking for it first gets
 * the text format, which every Prometheus accepts.
 */
final class ScrapeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PrometheusRegistry registry;

    /**
     * The writers, made on the first scrape: {@code ExpositionFormats.init()} reads the Prometheus client's
     * configuration (some 40 classes), which a container that nobody scrapes yet does not need at start.
     */
    private static final class Formats {
        static final ExpositionFormats ALL = ExpositionFormats.init();
    }

    ScrapeServlet(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accept = request.getHeader("Accept");
        ExpositionFormats formats = Formats.ALL;
        ExpositionFormatWriter writer = formats.findWriter(accept);
        if (!writer.isAvailable()) {
            writer = formats.getPrometheusTextFormatWriter();
        }
        EscapingScheme escaping = EscapingScheme.fromAcceptHeader(accept);
        MetricSnapshots snapshots = registry.scrape();
        // written in full before the status line, so a failing scrape is a 500, not a truncated 200
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        writer.write(body, snapshots, escaping);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
