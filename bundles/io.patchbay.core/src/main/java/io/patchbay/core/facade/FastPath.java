package io.patchbay.core.facade;

import io.patchbay.core.slot.LaneHolder;
import java.lang.reflect.Method;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The part of a consumer's facade that takes the lane: a volatile field the slot sets and clears (see
 * {@link LaneHolder}), and at the head of every forwarded method
 *
 * <pre>
 * Object lane = this.lane;
 * if (lane != null) {
 *     return ((Api) lane).method(args);   // nothing between the read and the call can run Java code
 * }
 * // the counted path (FacadeGenerator)
 * </pre>
 *
 * The constructor resolves the interfaces' class constants, so the cast never loads a class on the call path.
 */
final class FastPath implements Opcodes {

    static final String HOLDER = Type.getInternalName(LaneHolder.class);
    private static final String LANE = "lane";
    private static final String OBJECT = "Ljava/lang/Object;";

    private FastPath() {
    }

    /** The field and the {@link LaneHolder} method. */
    static void members(ClassWriter writer, String self) {
        writer.visitField(ACC_PRIVATE | ACC_VOLATILE, LANE, OBJECT, null, null).visitEnd();
        MethodVisitor set = writer.visitMethod(ACC_PUBLIC | ACC_FINAL, "patchbay$lane", "(" + OBJECT + ")V", null,
                null);
        set.visitCode();
        set.visitVarInsn(ALOAD, 0);
        set.visitVarInsn(ALOAD, 1);
        set.visitFieldInsn(PUTFIELD, self, LANE, OBJECT);
        set.visitInsn(RETURN);
        set.visitMaxs(0, 0);
        set.visitEnd();
    }

    /** In the constructor: resolves each class constant of {@code apis} (the same ones the casts and calls use). */
    static void resolve(MethodVisitor init, List<Class<?>> apis) {
        for (Class<?> api : apis) {
            init.visitLdcInsn(Type.getType(api));
            init.visitInsn(POP);
        }
    }

    /** The head of a forwarded method: calls through the lane and returns, or falls through to the counted path. */
    static void head(MethodVisitor mv, String self, String apiName, Method method) {
        Label counted = new Label();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, LANE, OBJECT);
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNULL, counted);
        mv.visitTypeInsn(CHECKCAST, apiName);
        FacadeGenerator.loadArguments(mv, Type.getArgumentTypes(method));
        mv.visitMethodInsn(INVOKEINTERFACE, apiName, method.getName(), Type.getMethodDescriptor(method), true);
        mv.visitInsn(Type.getReturnType(method).getOpcode(IRETURN));
        mv.visitLabel(counted);
        mv.visitInsn(POP);
    }
}
