package io.launchpad.api.problem;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;

import java.util.List;

/**
 * The range a number field accepts, for the problem when a client sends one beyond it:
 * the field's own {@code @Min}/{@code @Max} when it declares them (what the client should
 * keep to), otherwise the range of its Java type (all that is known).
 */
final class NumberRanges {

    private NumberRanges() {
    }

    static String allowed(InputCoercionException coercion) {
        Min min = null;
        Max max = null;
        List<JacksonException.Reference> path = coercion.getPath();
        if (!path.isEmpty()) {
            JacksonException.Reference last = path.getLast();
            Object from = last.from();
            Class<?> owner = from instanceof Class<?> type ? type : from == null ? null : from.getClass();
            if (owner != null && last.getPropertyName() != null) {
                try {
                    var field = owner.getDeclaredField(last.getPropertyName());
                    min = field.getAnnotation(Min.class);
                    max = field.getAnnotation(Max.class);
                }
                catch (NoSuchFieldException e) {
                    // a map entry or a renamed property: fall back to the type's range
                }
            }
        }
        Class<?> target = coercion.getTargetType();
        boolean isLong = target == Long.class || target == long.class;
        long lowest = min != null ? min.value() : isLong ? Long.MIN_VALUE : Integer.MIN_VALUE;
        long highest = max != null ? max.value() : isLong ? Long.MAX_VALUE : Integer.MAX_VALUE;
        return "a whole number from " + lowest + " to " + highest;
    }

}
