package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.Test;

public class RequestsTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** A request as the servlet container presents it: query values first, then the body's (servlet spec 3.1.1). */
    private static HttpServletRequest request(String type, String query, Map<String, String[]> parameters,
            Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> type;
                    case "getQueryString" -> query;
                    case "getParameterValues" -> parameters.get((String) args[0]);
                    case "getParameter" -> parameters.containsKey((String) args[0])
                            ? parameters.get((String) args[0])[0] : null;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void aFieldComesFromTheBodyNeverFromTheQuery() throws Exception {
        HttpServletRequest onlyQuery = request(FORM, "token=abc&action=revert",
                Map.of("token", new String[] {"abc"}, "action", new String[] {"revert"}), Map.of());
        assertNull(Requests.field(onlyQuery, "token"));
        assertEquals("revert", Requests.parameter(onlyQuery, "action"));

        HttpServletRequest both = request(FORM, "re%61son=from-query",
                Map.of("reason", new String[] {"from-query", "from-body"}), Map.of());
        assertEquals("from-body", Requests.field(both, "reason"));
        assertEquals("from-body", Requests.reason(both));
    }

    @Test
    public void aJarBodyHasNoFieldsAndItsReasonComesFromTheHeader() throws Exception {
        HttpServletRequest jar = request("application/java-archive", "action=apply&reason=from-query",
                Map.of("action", new String[] {"apply"}, "reason", new String[] {"from-query"}),
                Map.of(Requests.REASON_HEADER, "PRICING-42%3A%20caf%C3%A9+bar"));
        assertNull(Requests.field(jar, "reason"));
        assertEquals("PRICING-42: café+bar", Requests.reason(jar));

        HttpServletRequest none = request("application/java-archive", "reason=from-query",
                Map.of("reason", new String[] {"from-query"}), Map.of());
        assertNull("a reason only in the query is ignored", Requests.reason(none));
    }

    @Test
    public void percentDecodingLeavesMalformedSequencesAlone() {
        assertEquals("100% sure %zz %4", Requests.percentDecoded("100% sure %zz %4"));
        assertEquals("a b", Requests.percentDecoded("a%20b"));
    }

    @Test
    public void queryOccurrencesAreCountedByDecodedName() {
        assertEquals(0, Requests.occurrences(null, "token"));
        assertEquals(2, Requests.occurrences("token=1&t%6Fken=2&tokens=3", "token"));
        assertEquals(1, Requests.occurrences("bad%zz=1&reason", "reason"));
    }
}
