package io.patchbay.ssh;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The SSH shell's settings (PID {@value #PID}). Without a configuration nothing listens. In the launcher a file
 * {@code <data>/etc/io.patchbay.ssh.cfg} sets it (an empty file is enough); the web console's Configuration page
 * edits it too. There is no password setting: only the public keys in the authorized keys file log in.
 */
@ObjectClassDefinition(pid = SshConfiguration.PID, name = "Patchbay SSH shell",
        description = "The Gogo shell with every patch:* command over SSH, for containers that run without a"
                + " terminal. Public-key authentication only.")
public @interface SshConfiguration {

    String PID = "io.patchbay.ssh";

    /** Where the launcher's data folder is (a framework property it sets); elsewhere the bundle's data area. */
    String DATA_PROPERTY = "patchbay.data";

    @AttributeDefinition(name = "Port", description = "The TCP port the SSH server listens on (Karaf's is 8101"
            + " too).")
    int port() default 8101;

    @AttributeDefinition(name = "Address", description = "The address to bind to: loopback unless you set"
            + " another, e.g. 0.0.0.0 for every interface.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Authorized keys", required = false, description = "An OpenSSH authorized_keys"
            + " file; each key logs in as the user its comment names (alice for alice@laptop). Empty:"
            + " <data>/etc/authorized_keys. Read again at every login.")
    String authorizedKeys() default "";

    @AttributeDefinition(name = "Host key", required = false, description = "The server's private key (PEM),"
            + " generated on the first start and kept, readable by its owner only. Empty: <data>/ssh_host_key.")
    String hostKey() default "";
}
