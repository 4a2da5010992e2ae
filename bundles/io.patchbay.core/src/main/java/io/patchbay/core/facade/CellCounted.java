package io.patchbay.core.facade;

import io.patchbay.core.slot.CallCells;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What every lane method shares (plain, timed and split lanes): the calling thread's cell, in the class's
 * {@code cells} field, counts the call around its body, also when the body throws.
 *
 * <pre>
 * CallCells.Cell cell = cells.mine();
 * cell.enter();
 * [started]
 * try {
 *     result = [body];
 * } catch (Throwable t) {
 *     cell.leave();
 *     throw [failed(t)];
 * }
 * cell.leave();
 * [ended]
 * return result;
 * </pre>
 */
final class CellCounted implements Opcodes {

    static final String CELLS = Type.getInternalName(CallCells.class);
    private static final String CELL = Type.getInternalName(CallCells.Cell.class);

    private CellCounted() {
    }

    /**
     * @param cell the local of the cell; {@code cell + 1} and {@code cell + 2} are free for {@code started}, and
     *        the result is kept from {@code cell + 3} on
     * @param failed runs with the throwable on the stack, and leaves the one to throw there
     */
    static void around(MethodVisitor mv, String self, Type result, int cell, Runnable started, Runnable body,
            Runnable ended, Runnable failed) {
        mine(mv, self, cell);
        entered(mv, result, cell, started, body, ended, failed);
    }

    /** Keeps the calling thread's cell, of the class's {@code cells} field, in the local {@code cell}. */
    static void mine(MethodVisitor mv, String self, int cell) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "cells", "L" + CELLS + ";");
        mv.visitMethodInsn(INVOKEVIRTUAL, CELLS, "mine", "()L" + CELL + ";", false);
        mv.visitVarInsn(ASTORE, cell);
    }

    /** {@link #around} once the cell is in its local: from {@code cell.enter()} on. */
    static void entered(MethodVisitor mv, Type result, int cell, Runnable started, Runnable body, Runnable ended,
            Runnable failed) {
        int resultSlot = cell + 3;
        mv.visitVarInsn(ALOAD, cell);
        mv.visitMethodInsn(INVOKEVIRTUAL, CELL, "enter", "()V", false);
        started.run();
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, null);
        mv.visitLabel(tryStart);
        body.run();
        mv.visitLabel(tryEnd);
        if (result.getSort() != Type.VOID) {
            mv.visitVarInsn(result.getOpcode(ISTORE), resultSlot);
        }
        leave(mv, cell);
        ended.run();
        if (result.getSort() != Type.VOID) {
            mv.visitVarInsn(result.getOpcode(ILOAD), resultSlot);
        }
        mv.visitInsn(result.getOpcode(IRETURN));

        mv.visitLabel(handler);
        leave(mv, cell);
        failed.run();
        mv.visitInsn(ATHROW);
    }

    private static void leave(MethodVisitor mv, int cell) {
        mv.visitVarInsn(ALOAD, cell);
        mv.visitMethodInsn(INVOKEVIRTUAL, CELL, "leave", "()V", false);
    }
}
