package io.launchpad.api.taxonomy;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value must be a code of the given vocabulary (null passes; use @NotNull to require
 * it).
 */
@Documented
@Constraint(validatedBy = KnownCodeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownCode {

    Vocabulary value();

    String message() default "is not a known code of this vocabulary";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
