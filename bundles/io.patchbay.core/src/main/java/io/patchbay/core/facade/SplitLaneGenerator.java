package io.patchbay.core.facade;

import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Split;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the split lane class of a slot, which a facade holds while a canary splits the slot's calls: it
 * implements the slot's interfaces, and every method is
 *
 * <pre>
 * if (split.candidateFor(seat)) {
 *     return ((Api) candidate).method(args);   // the candidate's lane
 * }
 * return ((Api) baseline).method(args);        // the baseline's lane
 * </pre>
 *
 * The lanes count and time the calls. The class has a class loader of its own, so that a drain can see a thread
 * that may be about to call either arm (see {@code io.patchbay.core.slot.Grace}); its constructor resolves the
 * interfaces' class constants, so the casts never load a class on the call path.
 */
final class SplitLaneGenerator implements Opcodes {

    private static final String SPLIT = Type.getInternalName(Split.class);
    private static final String SEAT = Type.getInternalName(Seat.class);
    private static final String OBJECT = "Ljava/lang/Object;";
    static final String CONSTRUCTOR = "(L" + SPLIT + ";L" + SEAT + ";" + OBJECT + OBJECT + ")V";

    private SplitLaneGenerator() {
    }

    static String className(Class<?> api) {
        return "patchbay.generated." + api.getName() + "$SplitLane";
    }

    static byte[] generate(List<Class<?>> apis) {
        String self = className(apis.get(0)).replace('.', '/');
        ClassWriter writer = LaneGenerator.writer(self, apis, new String[][] {{"split", "L" + SPLIT + ";"},
            {"seat", "L" + SEAT + ";"}, {"baseline", OBJECT}, {"candidate", OBJECT}}, CONSTRUCTOR, true);
        for (Map.Entry<Method, Class<?>> forwarded : FacadeGenerator.forwardedMethods(apis).entrySet()) {
            forward(writer, self, Type.getInternalName(forwarded.getValue()), forwarded.getKey());
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void forward(ClassWriter writer, String self, String apiName, Method method) {
        MethodVisitor mv = FacadeGenerator.begin(writer, method);
        Label baseline = new Label();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "split", "L" + SPLIT + ";");
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "seat", "L" + SEAT + ";");
        mv.visitMethodInsn(INVOKEVIRTUAL, SPLIT, "candidateFor", "(L" + SEAT + ";)Z", false);
        mv.visitJumpInsn(IFEQ, baseline);
        call(mv, self, "candidate", apiName, method);
        mv.visitLabel(baseline);
        call(mv, self, "baseline", apiName, method);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void call(MethodVisitor mv, String self, String arm, String apiName, Method method) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, arm, OBJECT);
        mv.visitTypeInsn(CHECKCAST, apiName);
        FacadeGenerator.loadArguments(mv, Type.getArgumentTypes(method));
        mv.visitMethodInsn(INVOKEINTERFACE, apiName, method.getName(), Type.getMethodDescriptor(method), true);
        mv.visitInsn(Type.getReturnType(method).getOpcode(IRETURN));
    }
}
