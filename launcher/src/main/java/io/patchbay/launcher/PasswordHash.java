package io.patchbay.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Passwords in the hashed form that the Felix Web Console 5 accepts wherever it takes a password (its
 * configuration property {@code password} and the framework property {@code felix.webconsole.password}):
 * {@code {sha-256}<salt in hex>-<iterations>-<Base64 of SHA-256 applied iterations times to salt + password>},
 * as its {@code org.apache.felix.webconsole.internal.servlet.Password} reads it (5.0.8). The console then never
 * holds the clear text, and neither does ConfigAdmin nor the console servlet's service properties, which copy the
 * console's configuration.
 */
final class PasswordHash {

    private static final String PREFIX = "{sha-256}";
    private static final int SALT_BYTES = 8;
    private static final int ITERATIONS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** The password hashed with a fresh random salt. */
    static String of(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return of(password, HexFormat.of().formatHex(salt), ITERATIONS);
    }

    static String of(String password, String salt, int iterations) {
        byte[] bytes = (salt + password).getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = sha256();
        for (int i = 0; i < iterations; i++) {
            bytes = digest.digest(bytes);
        }
        return PREFIX + salt + "-" + iterations + "-" + Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether {@code hashed} (in the salted form {@link #of(String)} makes) is the hash of {@code password}. */
    static boolean matches(String hashed, String password) {
        if (hashed == null || !hashed.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = hashed.substring(PREFIX.length()).split("-", 3);
        if (parts.length != 3) {
            return false;
        }
        try {
            String expected = of(password, parts[0], Integer.parseInt(parts[1]));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    hashed.getBytes(StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * A hash that no known password has: random bytes where the digest would be, in the console's unsalted form
     * {@code {sha-256}<Base64>}. Given to the console as its starting password, it refuses every login.
     */
    static String unusable() {
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        return PREFIX + Base64.getEncoder().encodeToString(digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
