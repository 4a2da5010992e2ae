package io.patchbay.core.inspect;

import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every method of a class file with a print of its body: its instructions in order, with their operands
 * (constants, types, members, bootstrap methods), jump targets and exception handlers numbered in order of
 * appearance. Line numbers, local variable tables and stack map frames are left out ({@code SKIP_DEBUG},
 * {@code SKIP_FRAMES}), so the same code compiled again, or moved down a few lines, prints the same; constant
 * pool indices never show, ASM resolves them to their values.
 */
final class MethodPrints {

    private MethodPrints() {
    }

    /**
     * @return method name with its parameter types, {@code total(java.math.BigDecimal, int)}, to the print of its
     *         body; two methods that differ only in their return type (a bridge) are told apart by it
     * @throws IllegalArgumentException if {@code classFile} is not a class file ASM can read
     */
    static Map<String, String> of(byte[] classFile) {
        Map<String, String> prints = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String key = name + "(" + Arrays.stream(Type.getArgumentTypes(descriptor)).map(Type::getClassName)
                        .collect(Collectors.joining(", ")) + ")";
                if (!names.add(key)) {
                    key = key + " returning " + Type.getReturnType(descriptor).getClassName();
                }
                String method = key;
                return new Printer(body -> prints.put(method, body));
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return prints;
    }

    /** Writes one line per instruction; labels become their number in order of first mention. */
    private static final class Printer extends MethodVisitor {

        private final StringBuilder body = new StringBuilder();
        private final Map<Label, Integer> labels = new IdentityHashMap<>();
        private final Consumer<String> done;

        Printer(Consumer<String> done) {
            super(Opcodes.ASM9);
            this.done = done;
        }

        private void line(Object... parts) {
            for (Object part : parts) {
                body.append(part).append(' ');
            }
            body.append('\n');
        }

        private String label(Label label) {
            return "L" + labels.computeIfAbsent(label, l -> labels.size());
        }

        private static String constant(Object value) {
            if (value instanceof Handle handle) {
                return "handle " + handle.getTag() + " " + handle.getOwner() + "." + handle.getName()
                        + handle.getDesc() + (handle.isInterface() ? " itf" : "");
            }
            return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
        }

        @Override
        public void visitInsn(int opcode) {
            line(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            line(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            line(opcode, var);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            line(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            line(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            line(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            line("indy", name, descriptor, constant(bootstrap),
                    Arrays.stream(arguments).map(Printer::constant).collect(Collectors.joining(", ")));
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            line(opcode, label(label));
        }

        @Override
        public void visitLabel(Label label) {
            line("label", label(label));
        }

        @Override
        public void visitLdcInsn(Object value) {
            line("ldc", constant(value));
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            line("iinc", var, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
            line("tableswitch", min, max, label(dflt), Arrays.stream(targets).map(this::label)
                    .collect(Collectors.joining(",")));
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
            line("lookupswitch", label(dflt), Arrays.toString(keys), Arrays.stream(targets).map(this::label)
                    .collect(Collectors.joining(",")));
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            line("multianewarray", descriptor, dimensions);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            line("try", label(start), label(end), label(handler), type);
        }

        @Override
        public void visitEnd() {
            done.accept(body.toString());
        }
    }
}
