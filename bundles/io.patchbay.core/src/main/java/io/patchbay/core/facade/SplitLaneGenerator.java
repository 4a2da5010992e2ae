package io.patchbay.core.facade;

import io.patchbay.core.slot.CallCells;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Split;
import java.lang.reflect.Method;
import java.util.List;
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
 * CallCells.Cell cell = cells.mine();          // the slot's split cells: the thread is inside a split lane
 * cell.enter();
 * try {
 *     result = split.candidateFor(seat) ? ((Api) candidate).method(args)   // the candidate's lane
 *             : ((Api) baseline).method(args);                             // the baseline's lane
 * } catch (Throwable t) {
 *     cell.leave();
 *     throw t;
 * }
 * cell.leave();
 * return result;
 * </pre>
 *
 * The arms' lanes count and time the calls. The split cells tell a drain which threads may still call either
 * arm, however deep the split's decision runs; the class has a class loader of its own, so that a thread about to
 * be counted is seen too (see {@code io.patchbay.core.slot.Grace}). A split whose decision is shallow
 * ({@link Split#decidesByGaps()}: a small share of calls) gets a share lane instead ({@link ShareLaneGenerator}).
 */
final class SplitLaneGenerator implements Opcodes {

    private static final String SPLIT = Type.getInternalName(Split.class);
    private static final String SEAT = Type.getInternalName(Seat.class);
    private static final String CELLS = CellCounted.CELLS;
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String[][] FIELDS = {{"split", "L" + SPLIT + ";"}, {"seat", "L" + SEAT + ";"},
        {"baseline", OBJECT}, {"candidate", OBJECT}, {"cells", "L" + CELLS + ";"}};
    static final String CONSTRUCTOR = LaneGenerator.constructorOf(FIELDS);

    private SplitLaneGenerator() {
    }

    static String className(Class<?> api) {
        return "patchbay.generated." + api.getName() + "$SplitLane";
    }

    static byte[] generate(List<Class<?>> apis) {
        return LaneGenerator.generate(className(apis.get(0)), apis, FIELDS, LaneGenerator.resolved(apis,
                Split.class, Seat.class, CallCells.class, CallCells.Cell.class), SplitLaneGenerator::forward);
    }

    private static void forward(ClassWriter writer, String self, String apiName, Method method) {
        MethodVisitor mv = FacadeGenerator.begin(writer, method);
        Runnable decideAndCall = () -> {
            Label baseline = new Label();
            Label called = new Label();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, self, "split", "L" + SPLIT + ";");
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, self, "seat", "L" + SEAT + ";");
            mv.visitMethodInsn(INVOKEVIRTUAL, SPLIT, "candidateFor", "(L" + SEAT + ";)Z", false);
            mv.visitJumpInsn(IFEQ, baseline);
            call(mv, self, "candidate", apiName, method);
            mv.visitJumpInsn(GOTO, called);
            mv.visitLabel(baseline);
            call(mv, self, "baseline", apiName, method);
            mv.visitLabel(called);
        };
        int cell = FacadeGenerator.afterArguments(Type.getArgumentTypes(method));
        CellCounted.around(mv, self, Type.getReturnType(method), cell, () -> {
        }, decideAndCall, () -> {
        }, () -> {
        });
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    static void call(MethodVisitor mv, String self, String arm, String apiName, Method method) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, arm, OBJECT);
        mv.visitTypeInsn(CHECKCAST, apiName);
        FacadeGenerator.loadArguments(mv, Type.getArgumentTypes(method));
        mv.visitMethodInsn(INVOKEINTERFACE, apiName, method.getName(), Type.getMethodDescriptor(method), true);
    }
}
