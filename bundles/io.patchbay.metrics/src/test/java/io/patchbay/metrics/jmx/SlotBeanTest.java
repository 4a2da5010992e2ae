package io.patchbay.metrics.jmx;

import static org.junit.Assert.assertEquals;

import javax.management.ObjectName;
import org.junit.Test;

public class SlotBeanTest {

    @Test
    public void aSlotIdIsTheNameAsItIsAndQuotedOnlyWhenItMustBe() throws Exception {
        ObjectName plain = SlotBean.nameOf("com.example.Api@1.0.0#pricing");
        assertEquals(new ObjectName("io.patchbay:type=slot,name=com.example.Api@1.0.0#pricing"), plain);
        assertEquals("com.example.Api@1.0.0#pricing", plain.getKeyProperty("name"));
        ObjectName odd = SlotBean.nameOf("com.example.Api@1.0.0#a,b=c:d*\"e");
        assertEquals("com.example.Api@1.0.0#a,b=c:d*\"e", ObjectName.unquote(odd.getKeyProperty("name")));
        assertEquals("slot", odd.getKeyProperty("type"));
    }
}
