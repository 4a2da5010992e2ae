package io.patchbay.core.facade;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes a facade class for a slot's interfaces. Every interface method of a consumer's facade first takes the
 * lane when it has one ({@link FastPath}: one volatile read and the call), and otherwise, on the counted path:
 *
 * <pre>
 * Implementation route = seat.enter();       // seat.enterBelow() in the replaced-code facade
 * long start = route.clock();                // 0 unless a canary times this implementation's calls
 * try {
 *     result = ((Api) route.targetFor(seat)).method(args);
 * } catch (Throwable t) {
 *     throw route.fail(t, start, seat);
 * }
 * route.exit(start, seat);                  // may hand the facade its lane for the next calls
 * return result;
 * </pre>
 *
 * No reflection on either path. The start and stop calls of a lifecycle ({@code Servlet.init} and {@code destroy},
 * see {@link LifecycleMethods}) go to the facade's {@link Lifecycle} instead, never to the route.
 * {@code targetFor} is the service object itself for a singleton, the seat's own object for a scoped one.
 */
final class FacadeGenerator implements Opcodes {

    private static final String IMPLEMENTATION = Type.getInternalName(Implementation.class);
    private static final String SLOT_DESC = Type.getDescriptor(Slot.class);
    private static final String SEAT = Type.getInternalName(Seat.class);
    private static final String SEAT_DESC = Type.getDescriptor(Seat.class);
    private static final String LIFECYCLE = Type.getInternalName(Lifecycle.class);
    private static final String LIFECYCLE_DESC = Type.getDescriptor(Lifecycle.class);
    private static final String CONSTRUCTOR = "(" + SLOT_DESC + SEAT_DESC + LIFECYCLE_DESC + ")V";

    private FacadeGenerator() {
    }

    static String className(Class<?> api, boolean replaced) {
        return "patchbay.generated." + api.getName() + (replaced ? "$Replaced" : "$Facade");
    }

    static String factoryName(Class<?> api, Class<?> parent) {
        return "patchbay.generated." + api.getName() + "$" + parent.getSimpleName();
    }

    /** An empty subclass of {@code parentClass}, so that its class loader is the slot's facade loader. */
    static byte[] generateFactory(String name, Class<?> parentClass) {
        String self = name.replace('.', '/');
        String parent = Type.getInternalName(parentClass);
        String descriptor = "(" + SLOT_DESC + "Ljava/util/function/Function;Z)V";
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, self, null, parent, null);
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", descriptor, null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitVarInsn(ALOAD, 2);
        init.visitVarInsn(ILOAD, 3);
        init.visitMethodInsn(INVOKESPECIAL, parent, "<init>", descriptor, false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    static byte[] generate(Class<?> api) {
        return generate(List.of(api), false);
    }

    /** The facade class of a slot with {@code apis}; {@code replaced} makes the replaced-code facade. */
    static byte[] generate(List<Class<?>> apis, boolean replaced) {
        String self = className(apis.get(0), replaced).replace('.', '/');
        String[] apiNames = apis.stream().map(Type::getInternalName).toArray(String[]::new);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return "java/lang/Object"; // only needed for frames we never merge across types
            }
        };
        if (!replaced) {
            apiNames = java.util.stream.Stream.concat(java.util.Arrays.stream(apiNames), java.util.stream.Stream.of(
                    FastPath.HOLDER)).toArray(String[]::new);
        }
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, self, null, "java/lang/Object",
                apiNames);
        writer.visitField(ACC_PRIVATE | ACC_FINAL, "slot", SLOT_DESC, null, null).visitEnd();
        writer.visitField(ACC_PRIVATE | ACC_FINAL, "seat", SEAT_DESC, null, null).visitEnd();
        writer.visitField(ACC_PRIVATE | ACC_FINAL, "lifecycle", LIFECYCLE_DESC, null, null).visitEnd();
        constructor(writer, self, replaced ? List.of() : apis);
        if (!replaced) {
            FastPath.members(writer, self);
        }
        for (Map.Entry<Method, Class<?>> forwarded : forwardedMethods(apis).entrySet()) {
            int role = replaced ? -1 : LifecycleMethods.roleOf(forwarded.getKey());
            if (role >= 0) {
                toLifecycle(writer, self, forwarded.getKey(), role);
            } else {
                forward(writer, self, Type.getInternalName(forwarded.getValue()), forwarded.getKey(), replaced);
            }
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Every abstract or default public instance method, once per name and descriptor. */
    static Map<String, Method> forwardedMethods(Class<?> api) {
        Map<String, Method> methods = new LinkedHashMap<>();
        forwardedMethods(List.of(api)).keySet()
                .forEach(m -> methods.put(m.getName() + Type.getMethodDescriptor(m), m));
        return methods;
    }

    /** Each method to forward, with the interface it is called through (the first of {@code apis} that has it). */
    static Map<Method, Class<?>> forwardedMethods(List<Class<?>> apis) {
        Map<String, Method> seen = new LinkedHashMap<>();
        Map<Method, Class<?>> methods = new LinkedHashMap<>();
        for (Class<?> api : apis) {
            for (Method method : api.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers())
                        && seen.putIfAbsent(method.getName() + Type.getMethodDescriptor(method), method) == null) {
                    methods.put(method, api);
                }
            }
        }
        return methods;
    }

    private static void constructor(ClassWriter writer, String self, List<Class<?>> resolved) {
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", CONSTRUCTOR, null, null);
        init.visitCode();
        FastPath.resolve(init, resolved);
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitFieldInsn(PUTFIELD, self, "slot", SLOT_DESC);
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 2);
        init.visitFieldInsn(PUTFIELD, self, "seat", SEAT_DESC);
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 3);
        init.visitFieldInsn(PUTFIELD, self, "lifecycle", LIFECYCLE_DESC);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }

    private static void forward(ClassWriter writer, String self, String apiName, Method method, boolean replaced) {
        String descriptor = Type.getMethodDescriptor(method);
        MethodVisitor mv = begin(writer, method);
        Type[] arguments = Type.getArgumentTypes(method);
        Type result = Type.getReturnType(method);
        int route = afterArguments(arguments);
        int start = route + 1;
        int resultSlot = start + 2;
        if (!replaced) {
            FastPath.head(mv, self, apiName, method);
        }

        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "seat", SEAT_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, SEAT, replaced ? "enterBelow" : "enter", "()L" + IMPLEMENTATION + ";",
                false);
        mv.visitVarInsn(ASTORE, route);
        mv.visitVarInsn(ALOAD, route);
        mv.visitMethodInsn(INVOKEVIRTUAL, IMPLEMENTATION, "clock", "()J", false);
        mv.visitVarInsn(LSTORE, start);

        Label tryStart = new Label();
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(tryStart, end, handler, null);
        mv.visitLabel(tryStart);
        mv.visitVarInsn(ALOAD, route);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "seat", SEAT_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, IMPLEMENTATION, "targetFor", "(" + SEAT_DESC + ")Ljava/lang/Object;", false);
        mv.visitTypeInsn(CHECKCAST, apiName);
        loadArguments(mv, arguments);
        mv.visitMethodInsn(INVOKEINTERFACE, apiName, method.getName(), descriptor, true);
        mv.visitLabel(end);
        if (result.getSort() != Type.VOID) {
            mv.visitVarInsn(result.getOpcode(ISTORE), resultSlot);
        }
        mv.visitVarInsn(ALOAD, route);
        mv.visitVarInsn(LLOAD, start);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "seat", SEAT_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, IMPLEMENTATION, "exit", "(J" + SEAT_DESC + ")V", false);
        if (result.getSort() != Type.VOID) {
            mv.visitVarInsn(result.getOpcode(ILOAD), resultSlot);
        }
        mv.visitInsn(result.getOpcode(IRETURN));

        mv.visitLabel(handler);
        mv.visitVarInsn(ALOAD, route);
        mv.visitInsn(SWAP);
        mv.visitVarInsn(LLOAD, start);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "seat", SEAT_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, IMPLEMENTATION, "fail",
                "(Ljava/lang/Throwable;J" + SEAT_DESC + ")Ljava/lang/Throwable;", false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A start or stop of a lifecycle pair: {@code lifecycle.call(role, new Object[] { args })}, no route. */
    private static void toLifecycle(ClassWriter writer, String self, Method method, int role) {
        MethodVisitor mv = begin(writer, method);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "lifecycle", LIFECYCLE_DESC);
        mv.visitIntInsn(BIPUSH, role);
        Type[] arguments = Type.getArgumentTypes(method);
        mv.visitIntInsn(BIPUSH, arguments.length);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < arguments.length; i++) { // lifecycle arguments are objects (LifecycleMethods)
            mv.visitInsn(DUP);
            mv.visitIntInsn(BIPUSH, i);
            mv.visitVarInsn(ALOAD, i + 1);
            mv.visitInsn(AASTORE);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, LIFECYCLE, "call", "(I[Ljava/lang/Object;)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A public final method overriding {@code method}, its code begun. */
    static MethodVisitor begin(ClassWriter writer, Method method) {
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC | ACC_FINAL, method.getName(),
                Type.getMethodDescriptor(method), null, internalNames(method));
        mv.visitCode();
        return mv;
    }

    /** The first local after {@code this} and the arguments. */
    static int afterArguments(Type[] arguments) {
        int local = 1;
        for (Type argument : arguments) {
            local += argument.getSize();
        }
        return local;
    }

    /** Pushes a method's arguments, from local 1 on. */
    static void loadArguments(MethodVisitor mv, Type[] arguments) {
        int local = 1;
        for (Type argument : arguments) {
            mv.visitVarInsn(argument.getOpcode(ILOAD), local);
            local += argument.getSize();
        }
    }

    static String[] internalNames(Method method) {
        Class<?>[] types = method.getExceptionTypes();
        String[] names = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            names[i] = Type.getInternalName(types[i]);
        }
        return names;
    }
}
