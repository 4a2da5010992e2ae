package io.patchbay.core.facade;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Stubs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.ServiceFactory;

public class FacadeGeneratorTest {

    /** Every shape of method a facade must forward. */
    public interface Shapes {
        long add(long a, int b);

        double half(double value);

        void touch(List<String> seen);

        String join(String first, char separator, String second);

        int[] pair(boolean flip);

        String read() throws IOException;

        default String greet() {
            return "default";
        }
    }

    static class Version implements Shapes {
        private final String name;

        Version(String name) {
            this.name = name;
        }

        @Override
        public long add(long a, int b) {
            return a + b;
        }

        @Override
        public double half(double value) {
            return value / 2;
        }

        @Override
        public void touch(List<String> seen) {
            seen.add(name);
        }

        @Override
        public String join(String first, char separator, String second) {
            return first + separator + second;
        }

        @Override
        public int[] pair(boolean flip) {
            return flip ? new int[] { 2, 1 } : new int[] { 1, 2 };
        }

        @Override
        public String read() throws IOException {
            throw new IOException(name + " cannot read");
        }

        @Override
        public String greet() {
            return "hello from " + name;
        }
    }

    private final Slot slot = new Slot(Shapes.class, "1.0.0", () -> 100);

    @SuppressWarnings("unchecked")
    private Shapes facade() {
        ServiceFactory<Object> factory = Facades.factory(slot, false);
        return (Shapes) factory.getService(Stubs.bundle(7, "consumer", "1.0.0"), null);
    }

    @Test
    public void forwardsEveryShapeToTheActiveImplementation() {
        Implementation one = Stubs.implementation(slot, "impl", "1.0.0", new Version("one"));
        slot.route(one, false, 1);
        Shapes facade = facade();
        assertEquals(7L, facade.add(3L, 4));
        assertEquals(1.5, facade.half(3.0), 0.0);
        List<String> seen = new java.util.ArrayList<>();
        facade.touch(seen);
        assertEquals(List.of("one"), seen);
        assertEquals("a/b", facade.join("a", '/', "b"));
        assertEquals(2, facade.pair(true)[0]);
        assertEquals("hello from one", facade.greet());
        assertEquals(6, one.calls());
        assertEquals(0, one.inFlight());
    }

    @Test
    public void followsTheRouteWithoutBeingRecreated() {
        slot.route(Stubs.implementation(slot, "impl", "1.0.0", new Version("one")), false, 1);
        Shapes facade = facade();
        List<String> seen = new java.util.ArrayList<>();
        facade.touch(seen);
        slot.route(Stubs.implementation(slot, "impl", "1.0.1", new Version("two")), true, 2);
        facade.touch(seen);
        assertEquals(List.of("one", "two"), seen);
    }

    @Test
    public void checkedExceptionsPassThroughAndCountAsErrors() {
        Implementation one = Stubs.implementation(slot, "impl", "1.0.0", new Version("one"));
        slot.route(one, false, 1);
        IOException thrown = assertThrows(IOException.class, facade()::read);
        assertEquals("one cannot read", thrown.getMessage());
        assertEquals(1, one.errors());
        assertEquals(0, one.inFlight());
    }

    @Test
    public void eachConsumerGetsItsOwnFacadeAndIsCounted() {
        ServiceFactory<Object> factory = Facades.factory(slot, false);
        Object first = factory.getService(Stubs.bundle(1, "a", "1.0.0"), null);
        Object second = factory.getService(Stubs.bundle(2, "b", "1.0.0"), null);
        assertFalse(first == second);
        assertSame(first.getClass(), second.getClass());
        assertEquals(2, slot.consumers().list().size());
    }

    @Test
    public void theGeneratedClassUsesNoReflection() {
        String bytecode = new String(FacadeGenerator.generate(Shapes.class), StandardCharsets.ISO_8859_1);
        assertFalse(bytecode.contains("java/lang/reflect"));
        assertTrue(bytecode.contains("enter"));
    }

    @Test
    public void factoryClassSeesTheSlotInterface() throws Exception {
        ServiceFactory<Object> factory = Facades.factory(slot, false);
        assertSame("Felix checks assignability through the factory's class loader", Shapes.class,
                factory.getClass().getClassLoader().loadClass(Shapes.class.getName()));
    }
}
