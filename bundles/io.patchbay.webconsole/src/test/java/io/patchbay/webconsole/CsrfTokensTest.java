package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class CsrfTokensTest {

    @Test
    public void aTokenIsStablePerUserAndChecked() {
        CsrfTokens tokens = new CsrfTokens();
        String token = tokens.token("admin");
        assertEquals(token, tokens.token("admin"));
        assertTrue(tokens.valid("admin", token));
        assertTrue(tokens.valid("admin", " " + token + " "));
        assertFalse(tokens.valid("admin", null));
        assertFalse(tokens.valid("admin", ""));
        assertFalse(tokens.valid("admin", token.substring(1)));
        assertFalse("another user's token", tokens.valid("operator", token));
    }

    @Test
    public void aRestartedPluginHasNewTokens() {
        assertNotEquals(new CsrfTokens().token("admin"), new CsrfTokens().token("admin"));
    }
}
