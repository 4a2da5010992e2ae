package io.patchbay.core.facade;

import io.patchbay.core.slot.CallCells;
import io.patchbay.core.slot.CallObserver;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Lanes;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lanes of one slot's generated facades. Each implementation's lane classes (plain, and timed for a canary's
 * arm) are the slot's lane classes defined again in a class loader of its own, named {@code patchbay-lane:N}, a
 * child of the slot's facade loader; a frame of those classes then names the implementation. The slot's split
 * and share lane classes have a loader of their own too, {@code patchbay-split:N}. The slot's facade classes are
 * known by their names and their loader's name, which is the slot's own (see {@link FacadeClassLoader}).
 */
final class FacadeLanes implements Lanes {

    private static final AtomicLong LOADERS = new AtomicLong();

    private final FacadeClassLoader facades;
    private final Slot slot;
    private final Set<String> facadeClasses;
    private final byte[][] laneClasses = new byte[2][]; // plain, timed; guarded by this
    private volatile OwnLoader splitLoader; // once a split lane class is defined; written under this
    private final MethodHandle[] splitConstructors = new MethodHandle[2]; // split, share; guarded by this
    private final CallCells splitCells = new CallCells();

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
    public boolean splitFrame(StackTraceElement frame) {
        OwnLoader loader = splitLoader;
        return loader != null && loader.getName().equals(frame.getClassLoaderName());
    }

    @Override
    public CallCells splitCells() {
        return splitCells;
    }

    @Override
    public Object splitLane(Split split, Seat seat, Object baseline, Object candidate) {
        return make(splitConstructor(0), split, seat, baseline, candidate, splitCells);
    }

    @Override
    public Object shareLane(Split split, Implementation baseline, Object target, CallObserver observer,
            Object candidate) {
        return make(splitConstructor(1), split, baseline, target, observer, candidate, baseline.cells());
    }

    /** The constructor of the split lane class (0) or the share lane class (1), defined on first use. */
    private synchronized MethodHandle splitConstructor(int kind) {
        if (splitLoader == null) {
            splitLoader = new OwnLoader("patchbay-split:" + LOADERS.incrementAndGet(), facades);
        }
        if (splitConstructors[kind] == null) {
            splitConstructors[kind] = kind == 0
                    ? constructor(splitLoader.define(SplitLaneGenerator.className(slot.type()),
                            SplitLaneGenerator.generate(slot.types())), SplitLaneGenerator.CONSTRUCTOR)
                    : constructor(splitLoader.define(ShareLaneGenerator.className(slot.type()),
                            ShareLaneGenerator.generate(slot.types())), ShareLaneGenerator.CONSTRUCTOR);
        }
        return splitConstructors[kind];
    }

    private Object make(MethodHandle constructor, Object... fields) {
        try {
            return constructor.invokeWithArguments(fields);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot create the split lane of " + slot.id(), e);
        }
    }

    @Override
    public LaneType typeOf(Implementation implementation) {
        String name = "patchbay-lane:" + LOADERS.incrementAndGet();
        OwnLoader loader = new OwnLoader(name, facades);
        MethodHandle plain = laneConstructor(loader, false);
        return new LaneType() {
            private MethodHandle timed; // guarded by this

            @Override
            public Object lane(Object target, CallObserver observer) {
                MethodHandle constructor = plain;
                if (observer != null) {
                    synchronized (this) {
                        if (timed == null) {
                            timed = laneConstructor(loader, true);
                        }
                        constructor = timed;
                    }
                }
                try {
                    return constructor.invoke(target, implementation.cells(), implementation, observer);
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

    private MethodHandle laneConstructor(OwnLoader loader, boolean timed) {
        byte[] bytes;
        synchronized (this) {
            int kind = timed ? 1 : 0;
            if (laneClasses[kind] == null) {
                laneClasses[kind] = LaneGenerator.generate(slot.types(), timed);
            }
            bytes = laneClasses[kind];
        }
        return constructor(loader.define(LaneGenerator.className(slot.type(), timed), bytes),
                LaneGenerator.CONSTRUCTOR);
    }

    private MethodHandle constructor(Class<?> lane, String descriptor) {
        try {
            return MethodHandles.publicLookup().findConstructor(lane,
                    MethodType.fromMethodDescriptorString(descriptor, FacadeLanes.class.getClassLoader()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The lane of " + slot.id() + " has no constructor", e);
        }
    }

    /** A lane class loader: sees what the slot's facade loader sees. */
    private static final class OwnLoader extends ClassLoader {

        OwnLoader(String name, ClassLoader facades) {
            super(name, facades);
        }

        synchronized Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
