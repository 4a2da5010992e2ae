package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;

import io.patchbay.api.dto.CheckDTO;
import java.util.List;
import org.junit.Test;

/** The check's answer, pinned: field names are a contract (docs/webconsole.md). */
public class CheckJsonTest {

    @Test
    public void aCheckThatWouldApplyCarriesEveryFieldOfTheDto() {
        CheckDTO check = new CheckDTO();
        check.patch = "fix.jar";
        check.id = "com.example.pricing.impl/1.0.1";
        check.action = CheckDTO.INSTALL;
        check.slot = "S";
        check.candidates = List.of("S");
        check.replaces = "com.example.pricing.impl/1.0.0";
        check.becomes = "com.example.pricing.impl/1.0.1";
        check.resolved = true;
        check.resolution = "It resolves.";
        check.wires = List.of("package a 1.0.0 from a/1.0.0");
        check.checksum = "95393150";
        check.warnings = List.of();
        check.notChecked = "Not checked <without> running it.";
        check.message = "fix.jar would be applied.";
        assertEquals("{\"ok\":true,\"status\":200,\"message\":\"fix.jar would be applied.\",\"check\":{"
                + "\"patch\":\"fix.jar\",\"id\":\"com.example.pricing.impl/1.0.1\",\"action\":\"install\","
                + "\"slot\":\"S\",\"candidates\":[\"S\"],\"replaces\":\"com.example.pricing.impl/1.0.0\","
                + "\"becomes\":\"com.example.pricing.impl/1.0.1\",\"installedBundleId\":-1,\"fragment\":false,"
                + "\"host\":null,\"hostPatchable\":false,\"resolved\":true,\"resolution\":\"It resolves.\","
                + "\"wires\":[\"package a 1.0.0 from a/1.0.0\"],\"checksum\":\"95393150\",\"verifying\":false,"
                + "\"signer\":null,\"warnings\":[],\"notChecked\":\"Not checked \\u003cwithout\\u003e running it.\","
                + "\"message\":\"fix.jar would be applied.\"}}", CheckJson.answer(200, check.message, check));
    }

    @Test
    public void aRefusalHasNoCheck() {
        assertEquals("{\"ok\":false,\"status\":400,\"message\":\"notes.txt is not a jar file.\",\"check\":null}",
                CheckJson.answer(400, "notes.txt is not a jar file.", null));
    }
}
