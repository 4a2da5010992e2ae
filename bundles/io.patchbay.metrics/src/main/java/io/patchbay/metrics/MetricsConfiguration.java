package io.patchbay.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration of both metrics components, PID {@value #PID} (ConfigAdmin; the console's Configuration page
 * edits it through this metatype). Without a configuration the defaults hold: the scrape endpoint at
 * {@code /metrics} and the MBeans registered.
 */
@ObjectClassDefinition(pid = MetricsConfiguration.PID, name = "Patchbay metrics",
        description = "Where Prometheus scrapes the slots' numbers, and whether each slot has a JMX MBean.")
public @interface MetricsConfiguration {

    String PID = "io.patchbay.metrics";

    @AttributeDefinition(name = "Prometheus endpoint",
            description = "Serve the scrape endpoint on the HTTP whiteboard. It is unauthenticated, like most"
                    + " scrape endpoints: turn it off, or move it, where that matters.")
    boolean prometheus_enabled() default true;

    @AttributeDefinition(name = "Prometheus path",
            description = "The servlet path of the scrape endpoint, starting with '/'.")
    String prometheus_path() default "/metrics";

    @AttributeDefinition(name = "JMX MBeans",
            description = "Register one MBean per slot (io.patchbay:type=slot,name=<slot id>) in the platform"
                    + " MBeanServer.")
    boolean jmx_enabled() default true;
}
