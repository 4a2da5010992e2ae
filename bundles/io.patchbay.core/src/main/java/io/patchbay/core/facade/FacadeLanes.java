package io.patchbay.core.facade;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Lanes;
import io.patchbay.core.slot.Slot;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lanes of one slot's generated facades. Each implementation's lane class is the slot's lane class defined
 * again in a class loader of its own, named {@code patchbay-lane:N}, a child of the slot's facade loader; a frame
 * of that class then names the implementation. The slot's facade classes are known by their names and their
 * loader's name, which is the slot's own (see {@link FacadeClassLoader}).
 */
final class FacadeLanes implements Lanes {

    private static final AtomicLong LOADERS = new AtomicLong();

    private final FacadeClassLoader facades;
    private final Slot slot;
    private final Set<String> facadeClasses;
    private byte[] laneClass; // guarded by this

    FacadeLanes(FacadeClassLoader facades, Slot slot) {
        this.facades = facades;
        this.slot = slot;
        this.facadeClasses = Set.of(FacadeGenerator.className(slot.type(), false),
                FacadeGenerator.className(slot.type(), true));
    }

    @Override
    public boolean facadeFrame(StackTraceElement frame) {
        return facades.getName().equals(frame.getClassLoaderName()) && facadeClasses.contains(frame.getClassName());
    }

    @Override
    public LaneType typeOf(Implementation implementation) {
        byte[] bytes;
        synchronized (this) {
            if (laneClass == null) {
                laneClass = LaneGenerator.generate(slot.types());
            }
            bytes = laneClass;
        }
        String name = "patchbay-lane:" + LOADERS.incrementAndGet();
        Class<?> lane = new OwnLoader(name, facades).define(LaneGenerator.className(slot.type()), bytes);
        MethodHandle constructor;
        try {
            constructor = MethodHandles.publicLookup().findConstructor(lane,
                    MethodType.fromMethodDescriptorString(LaneGenerator.CONSTRUCTOR, FacadeLanes.class.getClassLoader()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The lane of " + slot.id() + " has no constructor", e);
        }
        return new LaneType() {
            @Override
            public Object lane(Object target) {
                try {
                    return constructor.invoke(target, implementation.cells(), implementation);
                } catch (Throwable e) {
                    throw new IllegalStateException("Cannot create the lane of " + implementation, e);
                }
            }

            @Override
            public String loaderName() {
                return name;
            }
        };
    }

    /** One implementation's lane class loader: sees what the slot's facade loader sees. */
    private static final class OwnLoader extends ClassLoader {

        OwnLoader(String name, ClassLoader facades) {
            super(name, facades);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
