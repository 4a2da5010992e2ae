package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class PasswordHashTest {

    /** The web console's own check (5.0.8, on the test class path as an embedded bundle): the hash must pass it. */
    private static boolean consoleAccepts(String configured, String typed) throws Exception {
        Class<?> password = Class.forName("org.apache.felix.webconsole.internal.servlet.Password");
        Constructor<?> constructor = password.getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        Method matches = password.getDeclaredMethod("matches", byte[].class);
        matches.setAccessible(true);
        return (Boolean) matches.invoke(constructor.newInstance(configured), typed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void theConsoleAcceptsTheHashForItsPasswordOnly() throws Exception {
        String hashed = PasswordHash.of("s3cret-Enough_1");
        assertTrue(hashed, hashed.matches("\\{sha-256\\}[0-9a-f]{16}-1000-[A-Za-z0-9+/]{43}="));
        assertTrue(consoleAccepts(hashed, "s3cret-Enough_1"));
        assertFalse(consoleAccepts(hashed, "s3cret-Enough_2"));
        assertFalse(consoleAccepts(hashed, "admin"));
        assertFalse(consoleAccepts(hashed, hashed));
    }

    @Test
    public void matchesChecksTheSaltedForm() {
        String hashed = PasswordHash.of("given");
        assertTrue(PasswordHash.matches(hashed, "given"));
        assertFalse(PasswordHash.matches(hashed, "other"));
        assertNotEquals("a fresh salt each time", hashed, PasswordHash.of("given"));
        assertFalse(PasswordHash.matches("given", "given"));
        assertFalse(PasswordHash.matches("{sha-256}abc", "given"));
        assertFalse(PasswordHash.matches(null, "given"));
    }

    @Test
    public void theUnusableHashRefusesEveryLogin() throws Exception {
        String unusable = PasswordHash.unusable();
        assertFalse(consoleAccepts(unusable, "admin"));
        assertFalse(consoleAccepts(unusable, ""));
        assertFalse(consoleAccepts(unusable, unusable));
        assertNotEquals(unusable, PasswordHash.unusable());
        assertEquals("the console's built-in admin/admin, for comparison", true,
                consoleAccepts("{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=", "admin"));
    }
}
