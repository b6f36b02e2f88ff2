package io.launchpad.api.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

class SingleLineValidator implements ConstraintValidator<SingleLine, String> {

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        return value == null || !UnicodeText.hasLineBreakOrTab(value.strip());
    }

}
