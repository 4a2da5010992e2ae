package io.patchbay.hawkbit;

import org.eclipse.hawkbit.autoconfigure.security.EnableHawkbitManagedSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A hawkBit server with the DDI (device) and Management APIs, for tests and for trying the fleet scripts by hand.
 * <p>
 * Run it as {@code java -Xmx512m -jar hawkbit-server.jar --server.port=PORT
 * --spring.datasource.url=jdbc:h2:file:DIR/db --org.eclipse.hawkbit.repository.file.path=DIR/artifacts}: the
 * database and the artifacts then survive a restart. It listens on 127.0.0.1 only, with the fixed user
 * {@code admin}/{@code admin} (see {@code application.properties}).
 */
@SpringBootApplication
@EnableHawkbitManagedSecurityConfiguration
public class FleetTestServer {

    public static void main(String[] args) {
        SpringApplication.run(FleetTestServer.class, args);
    }
}
