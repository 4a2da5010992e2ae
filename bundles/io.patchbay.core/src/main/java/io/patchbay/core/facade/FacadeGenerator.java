package io.patchbay.core.facade;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes a facade class for one interface. Every interface method becomes:
 *
 * <pre>
 * Implementation route = slot.enter();
 * try {
 *     result = ((Api) route.target).method(args);
 * } catch (Throwable t) {
 *     throw route.fail(t);
 * }
 * route.exit();
 * return result;
 * </pre>
 *
 * A volatile read, two counter updates and a direct interface call: no reflection on the call path.
 */
final class FacadeGenerator implements Opcodes {

    private static final String SLOT = Type.getInternalName(Slot.class);
    private static final String IMPLEMENTATION = Type.getInternalName(Implementation.class);
    private static final String SLOT_DESC = Type.getDescriptor(Slot.class);

    private FacadeGenerator() {
    }

    static String className(Class<?> api) {
        return "patchbay.generated." + api.getName() + "$Facade";
    }

    static String factoryName(Class<?> api) {
        return "patchbay.generated." + api.getName() + "$FacadeFactory";
    }

    /** An empty subclass of {@link FacadeFactory}, so that its class loader is the slot's facade loader. */
    static byte[] generateFactory(Class<?> api) {
        String self = factoryName(api).replace('.', '/');
        String parent = Type.getInternalName(FacadeFactory.class);
        String descriptor = "(" + SLOT_DESC + "Ljava/util/function/Function;)V";
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, self, null, parent, null);
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", descriptor, null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitVarInsn(ALOAD, 2);
        init.visitMethodInsn(INVOKESPECIAL, parent, "<init>", descriptor, false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    static byte[] generate(Class<?> api) {
        String self = className(api).replace('.', '/');
        String apiName = Type.getInternalName(api);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return "java/lang/Object"; // only needed for frames we never merge across types
            }
        };
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, self, null, "java/lang/Object",
                new String[] { apiName });
        writer.visitField(ACC_PRIVATE | ACC_FINAL, "slot", SLOT_DESC, null, null).visitEnd();
        constructor(writer, self);
        for (Method method : forwardedMethods(api).values()) {
            forward(writer, self, apiName, method);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Every abstract or default public instance method, once per name and descriptor. */
    static Map<String, Method> forwardedMethods(Class<?> api) {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Method method : api.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                methods.putIfAbsent(method.getName() + Type.getMethodDescriptor(method), method);
            }
        }
        return methods;
    }

    private static void constructor(ClassWriter writer, String self) {
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "(" + SLOT_DESC + ")V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitFieldInsn(PUTFIELD, self, "slot", SLOT_DESC);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }

    private static void forward(ClassWriter writer, String self, String apiName, Method method) {
        String descriptor = Type.getMethodDescriptor(method);
        String[] exceptions = internalNames(method);
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC | ACC_FINAL, method.getName(), descriptor, null, exceptions);
        mv.visitCode();
        Type[] arguments = Type.getArgumentTypes(method);
        Type result = Type.getReturnType(method);
        int route = 1;
        for (Type argument : arguments) {
            route += argument.getSize();
        }
        int resultSlot = route + 1;

        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "slot", SLOT_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, SLOT, "enter", "()L" + IMPLEMENTATION + ";", false);
        mv.visitVarInsn(ASTORE, route);

        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, end, handler, null);
        mv.visitLabel(start);
        mv.visitVarInsn(ALOAD, route);
        mv.visitFieldInsn(GETFIELD, IMPLEMENTATION, "target", "Ljava/lang/Object;");
        mv.visitTypeInsn(CHECKCAST, apiName);
        int local = 1;
        for (Type argument : arguments) {
            mv.visitVarInsn(argument.getOpcode(ILOAD), local);
            local += argument.getSize();
        }
        mv.visitMethodInsn(INVOKEINTERFACE, apiName, method.getName(), descriptor, true);
        mv.visitLabel(end);
        if (result.getSort() != Type.VOID) {
            mv.visitVarInsn(result.getOpcode(ISTORE), resultSlot);
        }
        mv.visitVarInsn(ALOAD, route);
        mv.visitMethodInsn(INVOKEVIRTUAL, IMPLEMENTATION, "exit", "()V", false);
        if (result.getSort() != Type.VOID) {
            mv.visitVarInsn(result.getOpcode(ILOAD), resultSlot);
        }
        mv.visitInsn(result.getOpcode(IRETURN));

        mv.visitLabel(handler);
        mv.visitVarInsn(ALOAD, route);
        mv.visitInsn(SWAP);
        mv.visitMethodInsn(INVOKEVIRTUAL, IMPLEMENTATION, "fail", "(Ljava/lang/Throwable;)Ljava/lang/Throwable;",
                false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static String[] internalNames(Method method) {
        Class<?>[] types = method.getExceptionTypes();
        String[] names = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            names[i] = Type.getInternalName(types[i]);
        }
        return names;
    }
}
