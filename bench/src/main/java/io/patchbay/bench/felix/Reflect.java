package io.patchbay.bench.felix;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls into bundle classes, which the harness only knows by name. */
public final class Reflect {

    private Reflect() {
    }

    /** {@code name} on {@code type} (an interface or public class a bundle exports), ready to invoke. */
    public static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no " + name, e);
        }
    }

    /** Invokes {@code method}, rethrowing what the target threw, unchecked. */
    public static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public field of a DTO. */
    public static Object field(Object dto, String name) {
        try {
            return dto.getClass().getField(name).get(dto);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(dto.getClass().getName() + " has no field " + name, e);
        }
    }
}
