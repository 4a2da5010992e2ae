package io.patchbay.api.dto;

import java.util.List;
import org.osgi.dto.DTO;

/**
 * One class that differs between two implementations, with the methods that differ. A method is named by its
 * name and parameter types, {@code total(java.math.BigDecimal, int)}; constructors are {@code <init>}, a static
 * initialiser {@code <clinit>}. Its body is compared by its instructions (with their constants, types and
 * targets), not by line numbers, local variable names or stack map frames, so a class that was only recompiled
 * can differ by bytes and have no method listed.
 *
 * @since 1.3
 */
public class ClassDiffDTO extends DTO {

    /** The class is new. */
    public static final String ADDED = "added";

    /** The class is gone. */
    public static final String REMOVED = "removed";

    /** The class is there in both, with other bytes. */
    public static final String CHANGED = "changed";

    /** The class's binary name: {@code com.example.pricing.impl.BulkDiscount}. */
    public String name;

    /** {@link #ADDED}, {@link #REMOVED} or {@link #CHANGED}. */
    public String change;

    /** Methods only the new class has; empty for a class that is added or removed as a whole. */
    public List<String> methodsAdded;

    /** Methods only the old class has; empty for a class that is added or removed as a whole. */
    public List<String> methodsRemoved;

    /** Methods both have, whose instructions differ. */
    public List<String> methodsChanged;
}
