package io.patchbay.core.facade;

import io.patchbay.core.slot.CallCells;
import io.patchbay.core.slot.CallObserver;
import io.patchbay.core.slot.Gaps;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.LaneClock;
import io.patchbay.core.slot.Split;
import java.lang.reflect.Method;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the share lane class of a slot, which a facade holds while a canary sends a random share of the calls
 * to its candidate ({@link Split#decidesByGaps()}). It does what the baseline's timed lane would do, and decides
 * with {@link Gaps}, so that a call before the thread's next candidate or timed call draws nothing:
 *
 * <pre>
 * CallCells.Cell cell = cells.mine();                 // the baseline's cells: the calling thread's own
 * if (!Gaps.due(cell)) {                              // most calls: to the baseline, untimed
 *     [as below, from cell.enter(), without the clock]
 * }
 * long start = Gaps.start(cell, split, observer);     // the baseline's arm is the observer
 * if (start == Gaps.CANDIDATE) {
 *     return ((Api) candidate).method(args);          // the candidate's timed lane counts and times it
 * }
 * cell.enter();
 * try {
 *     result = ((Api) target).method(args);           // the baseline's object
 * } catch (Throwable t) {
 *     cell.leave();
 *     throw implementation.laneFailed(t);
 * }
 * cell.leave();
 * LaneClock.end(observer, start);
 * return result;
 * </pre>
 *
 * Its class is defined in the slot's split lane loader: a thread deciding, before the baseline's cell counts it
 * or the candidate's lane is called, has a frame of it among its top frames, which a drain reads for a thread no
 * cell counts (see {@code io.patchbay.core.slot.Grace}).
 */
final class ShareLaneGenerator implements Opcodes {

    private static final String CELLS = CellCounted.CELLS;
    private static final String CELL = Type.getDescriptor(CallCells.Cell.class);
    private static final String SPLIT = "L" + Type.getInternalName(Split.class) + ";";
    private static final String OBSERVER = "L" + Type.getInternalName(CallObserver.class) + ";";
    private static final String IMPLEMENTATION = Type.getInternalName(Implementation.class);
    private static final String GAPS = Type.getInternalName(Gaps.class);
    private static final String[][] FIELDS = {{"split", SPLIT}, {"implementation", "L" + IMPLEMENTATION + ";"},
        {"target", "Ljava/lang/Object;"}, {"observer", OBSERVER}, {"candidate", "Ljava/lang/Object;"},
        {"cells", "L" + CELLS + ";"}};
    static final String CONSTRUCTOR = LaneGenerator.constructorOf(FIELDS);

    private ShareLaneGenerator() {
    }

    static String className(Class<?> api) {
        return "patchbay.generated." + api.getName() + "$ShareLane";
    }

    static byte[] generate(List<Class<?>> apis) {
        return LaneGenerator.generate(className(apis.get(0)), apis, FIELDS, LaneGenerator.resolved(apis,
                Split.class, CallCells.class, CallCells.Cell.class, Implementation.class, CallObserver.class,
                Gaps.class, LaneClock.class), ShareLaneGenerator::forward);
    }

    private static void forward(ClassWriter writer, String self, String apiName, Method method) {
        MethodVisitor mv = FacadeGenerator.begin(writer, method);
        Type result = Type.getReturnType(method);
        int cell = FacadeGenerator.afterArguments(Type.getArgumentTypes(method));
        int start = cell + 1;
        CellCounted.mine(mv, self, cell);
        Label due = new Label();
        mv.visitVarInsn(ALOAD, cell);
        mv.visitMethodInsn(INVOKESTATIC, GAPS, "due", "(" + CELL + ")Z", false);
        mv.visitJumpInsn(IFNE, due);
        baseline(mv, self, apiName, method, cell, () -> {
        });
        mv.visitLabel(due);
        mv.visitVarInsn(ALOAD, cell);
        field(mv, self, "split", SPLIT);
        field(mv, self, "observer", OBSERVER);
        mv.visitMethodInsn(INVOKESTATIC, GAPS, "start", "(" + CELL + SPLIT + OBSERVER + ")J", false);
        mv.visitVarInsn(LSTORE, start);
        Label baseline = new Label();
        mv.visitVarInsn(LLOAD, start);
        mv.visitLdcInsn(Gaps.CANDIDATE);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, baseline);
        SplitLaneGenerator.call(mv, self, "candidate", apiName, method);
        mv.visitInsn(result.getOpcode(IRETURN));
        mv.visitLabel(baseline);
        baseline(mv, self, apiName, method, cell, () -> {
            field(mv, self, "observer", OBSERVER);
            mv.visitVarInsn(LLOAD, start);
            mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(LaneClock.class), "end", "(" + OBSERVER + "J)V",
                    false);
        });
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The baseline's call, counted in the thread's cell (then {@code ended}), as the baseline's own lane does. */
    private static void baseline(MethodVisitor mv, String self, String apiName, Method method, int cell,
            Runnable ended) {
        CellCounted.entered(mv, Type.getReturnType(method), cell, () -> {
        }, () -> SplitLaneGenerator.call(mv, self, "target", apiName, method), ended, () -> {
            field(mv, self, "implementation", "L" + IMPLEMENTATION + ";");
            mv.visitInsn(SWAP);
            mv.visitMethodInsn(INVOKEVIRTUAL, IMPLEMENTATION, "laneFailed",
                    "(Ljava/lang/Throwable;)Ljava/lang/Throwable;", false);
        });
    }

    private static void field(MethodVisitor mv, String self, String name, String descriptor) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, name, descriptor);
    }
}
