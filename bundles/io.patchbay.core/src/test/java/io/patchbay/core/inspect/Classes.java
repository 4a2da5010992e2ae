package io.patchbay.core.inspect;

import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files made on the spot with ASM, so a test can have two versions of one class. */
final class Classes {

    private Classes() {
    }

    /** A class {@code name} with the methods {@code methods} writes (each gets a fresh visitor). */
    static byte[] of(String name, Consumer<ClassWriter> methods) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name.replace('.', '/'), null,
                "java/lang/Object", null);
        writer.visitSource(name + ".java", null);
        methods.accept(writer);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * {@code static int total(int quantity)}: {@code quantity >= threshold ? quantity * factor : quantity}, with
     * the line number {@code line} on its first instruction.
     */
    static void total(ClassWriter writer, int threshold, int factor, int line) {
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "total", "(I)I", null, null);
        method.visitCode();
        Label start = new Label();
        method.visitLabel(start);
        method.visitLineNumber(line, start);
        Label small = new Label();
        method.visitVarInsn(Opcodes.ILOAD, 0);
        method.visitIntInsn(Opcodes.BIPUSH, threshold);
        method.visitJumpInsn(Opcodes.IF_ICMPLT, small);
        method.visitVarInsn(Opcodes.ILOAD, 0);
        method.visitIntInsn(Opcodes.BIPUSH, factor);
        method.visitInsn(Opcodes.IMUL);
        method.visitInsn(Opcodes.IRETURN);
        method.visitLabel(small);
        method.visitLineNumber(line + 1, small);
        method.visitVarInsn(Opcodes.ILOAD, 0);
        method.visitInsn(Opcodes.IRETURN);
        method.visitLocalVariable("quantity", "I", null, start, small, 0);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /** {@code static String name(String value)} returning {@code constant}. */
    static void constant(ClassWriter writer, String name, String constant) {
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, name, "(Ljava/lang/String;)Ljava/lang/String;",
                null, null);
        method.visitCode();
        method.visitLdcInsn(constant);
        method.visitInsn(Opcodes.ARETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }
}
