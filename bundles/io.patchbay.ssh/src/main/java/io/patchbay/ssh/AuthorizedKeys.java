package io.patchbay.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Public-key logins from an OpenSSH {@code authorized_keys} file, read again at every login so that an operator's
 * edit takes effect at once. Unlike OpenSSH's per-user files, one file serves every user, so each key names the one
 * user it logs in as: the user part of its comment ({@code alice} for {@code alice@laptop}, as {@code ssh-keygen}
 * writes it). A key without a comment logs nobody in. The ledger's actor then names a user whose key was checked.
 */
final class AuthorizedKeys implements PublickeyAuthenticator {

    private static final Logger LOG = Logger.getLogger(AuthorizedKeys.class.getName());

    private final Path file;

    AuthorizedKeys(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Warns, at start, of what will refuse every login: no file yet, keys of a type we cannot check. */
    void check() {
        if (!Files.isRegularFile(file)) {
            LOG.log(Level.WARNING, "There is no authorized keys file {0} yet: nobody can log in over SSH until it"
                    + " has a public key.", file);
            return;
        }
        try {
            for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                if (entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING) == null) {
                    unsupported(entry);
                } else if (restricted(entry)) {
                    LOG.log(Level.WARNING, "The {0} key for {1} in {2} has options ({3}), which this SSH shell does"
                            + " not enforce, so it logs nobody in; remove them to let it in.", new Object[] {
                                entry.getKeyType(), userOf(entry.getComment()), file, entry.getLoginOptions()});
                } else if (userOf(entry.getComment()) == null) {
                    LOG.log(Level.WARNING, "A {0} key in {1} has no comment, so it logs nobody in; end its line"
                            + " with the user it is for.", new Object[] {entry.getKeyType(), file});
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the authorized keys file {0} ({1}).", new Object[] {file, e});
        }
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        return matches(username, key);
    }

    /** Whether the file has {@code key} for {@code username}. A missing or unreadable file lets nobody in. */
    boolean matches(String username, PublicKey key) {
        if (!Files.isRegularFile(file)) {
            LOG.log(Level.WARNING, "SSH login of {0} refused: there is no authorized keys file {1}.",
                    new Object[] {username, file});
            return false;
        }
        try {
            List<AuthorizedKeyEntry> entries = AuthorizedKeyEntry.readAuthorizedKeys(file);
            for (AuthorizedKeyEntry entry : entries) {
                if (!username.equals(userOf(entry.getComment())) || restricted(entry)) {
                    continue;
                }
                PublicKey authorized = entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (authorized == null) {
                    unsupported(entry);
                } else if (KeyUtils.compareKeys(key, authorized)) {
                    return true;
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.WARNING, "SSH login of {0} refused: cannot read the authorized keys file {1} ({2}).",
                    new Object[] {username, file, e.toString()});
        }
        return false;
    }

    /** A key with options ({@code from=}, {@code command=}, ...) is refused: ignoring them would let more in. */
    private static boolean restricted(AuthorizedKeyEntry entry) {
        return !entry.getLoginOptions().isEmpty();
    }

    private void unsupported(AuthorizedKeyEntry entry) {
        LOG.log(Level.WARNING, "The authorized keys file {0} has a {1} key (for {2}), a type this SSH shell cannot"
                + " check; use an ECDSA or RSA key (ssh-keygen -t ecdsa).",
                new Object[] {file, entry.getKeyType(), userOf(entry.getComment())});
    }

    /** The user a key logs in as: its comment's first word, up to an {@code @}; {@code null} without a comment. */
    static String userOf(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String word = comment.strip().split("\\s+", 2)[0];
        int at = word.indexOf('@');
        String user = at < 0 ? word : word.substring(0, at);
        return user.isEmpty() ? null : user;
    }
}
