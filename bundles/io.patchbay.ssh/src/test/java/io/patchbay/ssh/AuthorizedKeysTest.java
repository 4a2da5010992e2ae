package io.patchbay.ssh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AuthorizedKeysTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aKeyLogsInOnlyAsTheUserItsCommentNames() throws Exception {
        PublicKey alice = key("EC");
        PublicKey bob = key("RSA");
        Path file = folder.getRoot().toPath().resolve("authorized_keys");
        Files.writeString(file, "# team\n" + PublicKeyEntry.toString(alice) + " alice@laptop\n"
                + PublicKeyEntry.toString(bob) + " bob\n" + PublicKeyEntry.toString(key("EC")) + "\n");
        AuthorizedKeys keys = new AuthorizedKeys(file);
        assertTrue(keys.matches("alice", alice));
        assertTrue(keys.matches("bob", bob));
        assertFalse("alice's key is not bob's", keys.matches("bob", alice));
        assertFalse("a stranger's key", keys.matches("alice", key("EC")));
        assertFalse("the user is the part before @, not the comment", keys.matches("alice@laptop", alice));
        Files.writeString(file, "from=\"10.0.0.1\" " + PublicKeyEntry.toString(alice) + " alice\n");
        assertFalse("options it would not enforce refuse the key", keys.matches("alice", alice));
    }

    @Test
    public void anEditTakesEffectAtTheNextLoginAndNoFileLetsNobodyIn() throws Exception {
        PublicKey alice = key("EC");
        Path file = folder.getRoot().toPath().resolve("authorized_keys");
        AuthorizedKeys keys = new AuthorizedKeys(file);
        assertFalse(keys.matches("alice", alice));
        Files.writeString(file, PublicKeyEntry.toString(alice) + " alice\n");
        assertTrue(keys.matches("alice", alice));
        Files.writeString(file, "");
        assertFalse(keys.matches("alice", alice));
    }

    @Test
    public void theUserOfAComment() {
        assertEquals("alice", AuthorizedKeys.userOf("alice@laptop"));
        assertEquals("alice", AuthorizedKeys.userOf(" alice  and more words"));
        assertNull(AuthorizedKeys.userOf(null));
        assertNull(AuthorizedKeys.userOf("  "));
        assertNull(AuthorizedKeys.userOf("@laptop"));
    }

    private static PublicKey key(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize("EC".equals(algorithm) ? 256 : 2048);
        KeyPair pair = generator.generateKeyPair();
        return pair.getPublic();
    }
}
