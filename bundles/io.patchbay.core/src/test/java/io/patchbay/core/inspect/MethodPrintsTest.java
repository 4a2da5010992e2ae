package io.patchbay.core.inspect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** A method's print names every instruction with its operands, so any change of code changes the print. */
public class MethodPrintsTest {

    private final Map<String, String> prints = prints();

    @Test
    public void everyMethodIsKeyedByNameAndParametersAndABridgeByItsReturnType() {
        assertEquals(List.of("<init>()", "dense(int)", "sparse(int)", "grid()", "guarded(java.lang.String)",
                "counted(java.lang.Object)", "copy()", "compareTo(io.patchbay.core.inspect.Specimen)",
                "copy() returning java.lang.Object", "compareTo(java.lang.Object)", "lambda$counted$0()"),
                List.copyOf(prints.keySet()));
    }

    @Test
    public void switchesArrayAndTryBlocksPrintTheirOperandsAndLabelsInOrder() {
        assertEquals("21 0 \ntableswitch 1 3 L0 L1,L2,L3 \nlabel L1 \n16 10 \n172 \nlabel L2 \n16 20 \n172 \n"
                + "label L3 \n16 30 \n172 \nlabel L0 \n2 \n172 \n", prints.get("dense(int)"));
        assertEquals("21 0 \nlookupswitch L0 [1, 100, 10000] L1,L2,L3 \nlabel L1 \n4 \n172 \nlabel L2 \n5 \n172 \n"
                + "label L3 \n6 \n172 \nlabel L0 \n3 \n172 \n", prints.get("sparse(int)"));
        assertEquals("6 \n7 \nmultianewarray [[I 2 \n176 \n", prints.get("grid()"));
        assertEquals("try L0 L1 L2 java/lang/NumberFormatException \nlabel L0 \n25 0 \n184 java/lang/Integer"
                + " parseInt (Ljava/lang/String;)I false \nlabel L1 \n172 \nlabel L2 \n58 1 \n3 \n172 \n",
                prints.get("guarded(java.lang.String)"));
    }

    @Test
    public void fieldsConstantsLoopsTypesAndLambdasArePrintedWithTheirOperands() {
        String counted = prints.get("counted(java.lang.Object)");
        for (String line : List.of("iinc 3 1 ", "162 L1 ", "167 L0 ", "181 io/patchbay/core/inspect/Specimen counter I ",
                "ldc Long:12345678901 ", "ldc Type:Ljava/lang/String; ", "193 java/lang/String ", "17 300 ",
                "185 java/util/function/IntSupplier getAsInt ()I true ",
                "182 java/lang/String length ()I false ",
                "indy getAsInt (Lio/patchbay/core/inspect/Specimen;)Ljava/util/function/IntSupplier; handle 6"
                        + " java/lang/invoke/LambdaMetafactory.metafactory(",
                "Type:()I, handle 5 io/patchbay/core/inspect/Specimen.lambda$counted$0()I, Type:()I ")) {
            assertTrue(line + " in\n" + counted, counted.contains(line));
        }
        assertTrue(prints.get("copy()"), prints.get("copy()").startsWith("187 io/patchbay/core/inspect/Specimen \n"));
    }

    @Test
    public void anInterfaceMethodHandleIsMarked() {
        Map<String, String> lambdas = MethodPrints.of(bytes(Comparators.class));
        assertTrue(lambdas.toString(), lambdas.values().stream().anyMatch(p -> p.contains(" itf")));
    }

    @Test
    public void whatIsNotAClassFileIsRefused() {
        // ClassDiff catches any RuntimeException: ASM throws IllegalArgumentException for a wrong version and
        // ArrayIndexOutOfBoundsException for a few bytes, not only what MethodPrints#of documents
        assertThrows(IllegalArgumentException.class, () -> MethodPrints.of(new byte[] { (byte) 0xCA, (byte) 0xFE,
                (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 99, 0, 0, 0, 0 }));
        assertThrows(RuntimeException.class, () -> MethodPrints.of(new byte[] { 1, 2, 3, 4 }));
    }

    /** A covariant return ({@link Specimen#copy()}) makes the compiler add a bridge with the same parameters. */
    abstract static class Copyable {
        abstract Object copy();
    }

    /** A static interface method as a method reference: its handle is an interface's. */
    interface Comparators {
        static int zero(Object a) {
            return 0;
        }

        static java.util.function.ToIntFunction<Object> reference() {
            return Comparators::zero;
        }
    }

    private static Map<String, String> prints() {
        return MethodPrints.of(bytes(Specimen.class));
    }

    private static byte[] bytes(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1)
                + ".class")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
