package io.launchpad.api.taxonomy;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

class KnownCodeValidator implements ConstraintValidator<KnownCode, String> {

    private Vocabulary vocabulary;

    @Override
    public void initialize(KnownCode annotation) {
        vocabulary = annotation.value();
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null || vocabulary.knows(value)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate(
                    "'" + value + "' is not a known " + vocabulary.name().toLowerCase().replace('_', ' ')
                            + " code; known codes: " + String.join(", ", vocabulary.labels().keySet()))
            .addConstraintViolation();
        return false;
    }

}
