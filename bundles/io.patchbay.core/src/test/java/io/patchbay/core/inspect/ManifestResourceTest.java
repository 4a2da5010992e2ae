package io.patchbay.core.inspect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import org.junit.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;

public class ManifestResourceTest {

    private static Attributes manifest(String... headers) {
        Attributes main = new Attributes();
        main.putValue("Bundle-SymbolicName", "com.example.fix;singleton:=true");
        main.putValue("Bundle-Version", "1.0.1");
        for (int i = 0; i < headers.length; i += 2) {
            main.putValue(headers[i], headers[i + 1]);
        }
        return main;
    }

    private static List<String> filters(ManifestResource resource, String namespace) {
        return resource.getRequirements(namespace).stream().map(r -> r.getDirectives().get("filter")).toList();
    }

    @Test
    public void importsAreFilteredAsFelixWritesThem() {
        ManifestResource resource = new ManifestResource(manifest("Import-Package",
                "com.example.api;version=\"[1.0,2)\",org.osgi.framework;version=\"1.10\",a.b;c.d,"
                        + "e.f;version=\"(1,2]\";resolution:=optional;bundle-symbolic-name=g"), true);
        assertEquals(List.of(
                "(&(osgi.wiring.package=com.example.api)(version>=1.0.0)(!(version>=2.0.0)))",
                "(&(osgi.wiring.package=org.osgi.framework)(version>=1.10.0))",
                "(osgi.wiring.package=a.b)",
                "(osgi.wiring.package=c.d)",
                "(&(osgi.wiring.package=e.f)(!(version<=1.0.0))(version<=2.0.0)(bundle-symbolic-name=g))"),
                filters(resource, "osgi.wiring.package"));
        Requirement optional = resource.getRequirements("osgi.wiring.package").get(4);
        assertEquals("optional", optional.getDirectives().get("resolution"));
        assertEquals("[com.example.fix/1.0.1] osgi.wiring.package; (osgi.wiring.package=a.b)",
                resource.getRequirements("osgi.wiring.package").get(2).toString());
    }

    @Test
    public void requiredCapabilitiesAndBundlesKeepTheirFilters() {
        ManifestResource resource = new ManifestResource(manifest(
                "Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5.0))\","
                        + "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"",
                "Require-Bundle", "org.example.lib;bundle-version=\"[2,3)\""), true);
        assertEquals(List.of("(&(osgi.extender=osgi.component)(version>=1.5.0))", "(&(osgi.ee=JavaSE)(version=17))"),
                List.of(filters(resource, "osgi.extender").get(0), filters(resource, "osgi.ee").get(0)));
        assertEquals(List.of("(&(osgi.wiring.bundle=org.example.lib)(bundle-version>=2.0.0)(!(bundle-version>=3.0.0)))"),
                filters(resource, "osgi.wiring.bundle"));
    }

    @Test
    public void aFragmentRequiresItsHostOnlyWhenAsked() throws Exception {
        Attributes fragment = manifest("Fragment-Host", "com.example.impl;bundle-version=\"[1.0.0,1.0.1)\"");
        assertEquals(List.of("(&(osgi.wiring.host=com.example.impl)(bundle-version>=1.0.0)(!(bundle-version>=1.0.1)))"),
                filters(new ManifestResource(fragment, true), "osgi.wiring.host"));
        assertEquals("osgi.fragment", new ManifestResource(fragment, true).getCapabilities("osgi.identity").get(0)
                .getAttributes().get("type"));
        ManifestResource alone = new ManifestResource(fragment, false);
        assertTrue(alone.getRequirements(null).isEmpty());
        assertEquals("resolved alone, as the bundle its requirements join", "osgi.bundle",
                alone.getCapabilities("osgi.identity").get(0).getAttributes().get("type"));
        assertTrue("a fragment offers no host of its own", alone.getCapabilities("osgi.wiring.host").isEmpty());
    }

    @Test
    public void capabilitiesCarryTypedValuesThatFiltersCompare() throws Exception {
        ManifestResource resource = new ManifestResource(manifest(
                "Export-Package", "com.example.fix.api;version=\"1.2\";uses:=\"a.b\"",
                "Provide-Capability", "example.feature;example.feature=discount;version:Version=\"2.1\";"
                        + "tiers:List<String>=\"bulk,retail\""), true);
        Capability export = resource.getCapabilities("osgi.wiring.package").get(0);
        assertEquals(new Version(1, 2, 0), export.getAttributes().get("version"));
        assertEquals("com.example.fix", export.getAttributes().get("bundle-symbolic-name"));
        assertEquals(Map.of("uses", "a.b"), export.getDirectives());
        Capability feature = resource.getCapabilities("example.feature").get(0);
        assertEquals(new Version(2, 1, 0), feature.getAttributes().get("version"));
        assertEquals(List.of("bulk", "retail"), feature.getAttributes().get("tiers"));
        assertTrue(FrameworkUtil.createFilter("(&(example.feature=discount)(version>=2.0)(tiers=retail))")
                .matches(feature.getAttributes()));
        assertEquals("com.example.fix", resource.getCapabilities("osgi.identity").get(0).getAttributes()
                .get("osgi.identity"));
    }
}
