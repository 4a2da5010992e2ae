package io.patchbay.core.facade;

import io.patchbay.core.slot.CallCells;
import io.patchbay.core.slot.CallObserver;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.LaneClock;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the lane classes of a slot: each implements the slot's interfaces, and every method is
 *
 * <pre>
 * CallCells.Cell cell = cells.mine();   // the calling thread's own counters: plain loads
 * cell.enter();                         // a plain increment
 * long start = LaneClock.start(observer, cell); // timed lane only: a canary's arm observes the calls
 * try {
 *     result = ((Api) target).method(args);
 * } catch (Throwable t) {
 *     cell.leave();
 *     throw implementation.laneFailed(t);
 * }
 * cell.leave();
 * LaneClock.end(observer, start);               // timed lane only
 * return result;
 * </pre>
 *
 * Each implementation defines these classes in a class loader of its own, so a stack frame names the
 * implementation a call runs in (see {@code io.patchbay.core.slot.Grace}).
 */
final class LaneGenerator implements Opcodes {

    private static final String CELLS = CellCounted.CELLS;
    private static final String IMPLEMENTATION = Type.getInternalName(Implementation.class);
    private static final String OBSERVER = Type.getInternalName(CallObserver.class);
    private static final String CLOCK = Type.getInternalName(LaneClock.class);
    private static final String[][] FIELDS = {{"target", "Ljava/lang/Object;"}, {"cells", "L" + CELLS + ";"},
        {"implementation", "L" + IMPLEMENTATION + ";"}, {"observer", "L" + OBSERVER + ";"}};
    static final String CONSTRUCTOR = constructorOf(FIELDS);

    private LaneGenerator() {
    }

    static String className(Class<?> api, boolean timed) {
        return "patchbay.generated." + api.getName() + (timed ? "$TimedLane" : "$Lane");
    }

    static byte[] generate(List<Class<?>> apis, boolean timed) {
        return generate(className(apis.get(0), timed), apis, FIELDS, resolved(apis, CallCells.class,
                CallCells.Cell.class, Implementation.class, CallObserver.class, LaneClock.class),
                (writer, self, apiName, method) -> forward(writer, self, apiName, method, timed));
    }

    /** Writes one forwarded method of the class {@code self}, declared by the interface {@code apiName}. */
    interface Forwarding {
        void forward(ClassWriter writer, String self, String apiName, Method method);
    }

    /**
     * The class named {@code name} ({@link #writer}: implementing {@code apis}, with {@code fields}), each of whose
     * forwarded methods {@code forwarding} writes. Shared with the split and share lanes.
     */
    static byte[] generate(String name, List<Class<?>> apis, String[][] fields, List<Class<?>> resolved,
            Forwarding forwarding) {
        String self = name.replace('.', '/');
        ClassWriter writer = writer(self, apis, fields, resolved);
        for (Map.Entry<Method, Class<?>> forwarded : FacadeGenerator.forwardedMethods(apis).entrySet()) {
            forwarding.forward(writer, self, Type.getInternalName(forwarded.getValue()), forwarded.getKey());
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code apis} and {@code more}: the classes whose constants a lane's constructor resolves. */
    static List<Class<?>> resolved(List<Class<?>> apis, Class<?>... more) {
        List<Class<?>> all = new java.util.ArrayList<>(apis);
        all.addAll(List.of(more));
        return all;
    }

    /** The descriptor of the constructor that takes {@code fields} ({name, descriptor}) in order. */
    static String constructorOf(String[][] fields) {
        StringBuilder descriptor = new StringBuilder("(");
        for (String[] field : fields) {
            descriptor.append(field[1]);
        }
        return descriptor.append(")V").toString();
    }

    /**
     * A final class {@code self} implementing {@code apis}, with final {@code fields} ({name, descriptor}) that its
     * one constructor ({@link #constructorOf}) sets. The constructor also resolves the class constants of
     * {@code resolved} (see {@link FastPath#resolve}), so that a call never loads a class before its thread's cell
     * counts it (see {@code io.patchbay.core.slot.Grace}). Shared with the split lane.
     */
    static ClassWriter writer(String self, List<Class<?>> apis, String[][] fields, List<Class<?>> resolved) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return "java/lang/Object";
            }
        };
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, self, null, "java/lang/Object",
                apis.stream().map(Type::getInternalName).toArray(String[]::new));
        for (String[] field : fields) {
            writer.visitField(ACC_PRIVATE | ACC_FINAL, field[0], field[1], null, null).visitEnd();
        }
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", constructorOf(fields), null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        for (int i = 0; i < fields.length; i++) {
            init.visitVarInsn(ALOAD, 0);
            init.visitVarInsn(ALOAD, i + 1);
            init.visitFieldInsn(PUTFIELD, self, fields[i][0], fields[i][1]);
        }
        FastPath.resolve(init, resolved);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        return writer;
    }

    private static void forward(ClassWriter writer, String self, String apiName, Method method, boolean timed) {
        MethodVisitor mv = FacadeGenerator.begin(writer, method);
        Type[] arguments = Type.getArgumentTypes(method);
        int cell = FacadeGenerator.afterArguments(arguments);
        int start = cell + 1;
        CellCounted.around(mv, self, Type.getReturnType(method), cell, () -> {
            if (timed) {
                observer(mv, self);
                mv.visitVarInsn(ALOAD, cell);
                mv.visitMethodInsn(INVOKESTATIC, CLOCK, "start",
                        "(L" + OBSERVER + ";" + Type.getDescriptor(CallCells.Cell.class) + ")J", false);
                mv.visitVarInsn(LSTORE, start);
            }
        }, () -> {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, self, "target", "Ljava/lang/Object;");
            mv.visitTypeInsn(CHECKCAST, apiName);
            FacadeGenerator.loadArguments(mv, arguments);
            mv.visitMethodInsn(INVOKEINTERFACE, apiName, method.getName(), Type.getMethodDescriptor(method), true);
        }, () -> {
            if (timed) {
                observer(mv, self);
                mv.visitVarInsn(LLOAD, start);
                mv.visitMethodInsn(INVOKESTATIC, CLOCK, "end", "(L" + OBSERVER + ";J)V", false);
            }
        }, () -> {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, self, "implementation", "L" + IMPLEMENTATION + ";");
            mv.visitInsn(SWAP);
            mv.visitMethodInsn(INVOKEVIRTUAL, IMPLEMENTATION, "laneFailed",
                    "(Ljava/lang/Throwable;)Ljava/lang/Throwable;", false);
        });
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void observer(MethodVisitor mv, String self) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "observer", "L" + OBSERVER + ";");
    }
}
