package io.launchpad.api.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date within a window around today, in whole years: by default from the start of last
 * year to ten years ahead. A date far outside it is a typing slip or an attack
 * (PostgreSQL stores {@code +10000-01-01} as {@code infinity}, which Elasticsearch cannot
 * index).
 */
@Documented
@Constraint(validatedBy = PlausibleDateValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    /** How many whole years before this one the window starts. */
    int yearsBack() default 1;

    /** How many years after today the window ends. */
    int yearsAhead() default 10;

    String message() default "must be between {earliest} and {latest}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
