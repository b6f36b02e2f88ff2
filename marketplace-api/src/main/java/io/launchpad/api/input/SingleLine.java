package io.launchpad.api.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Short text shown on one line (titles, names, units): no line breaks or tabs. */
@Documented
@Constraint(validatedBy = SingleLineValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must be a single line, without line breaks or tabs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
