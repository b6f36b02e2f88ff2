package io.launchpad.api.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code @Size} on text, counted as people and PostgreSQL's {@code char_length} count:
 * code points of the trimmed NFC text. (Bean Validation's own counts UTF-16 units of the
 * raw text, so "💥" passed a two-character minimum and " a " a five-character one.)
 * Registered for {@code String} beside the built-in validators, which still serve
 * collections.
 */
public class CodePointSizeValidator implements ConstraintValidator<Size, String> {

    private int min;

    private int max;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = UnicodeText.length(value);
        return length >= min && length <= max;
    }

}
