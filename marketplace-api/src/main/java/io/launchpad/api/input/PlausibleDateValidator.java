package io.launchpad.api.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

class PlausibleDateValidator implements ConstraintValidator<PlausibleDate, LocalDate> {

    private int yearsBack;

    private int yearsAhead;

    @Override
    public void initialize(PlausibleDate window) {
        yearsBack = window.yearsBack();
        yearsAhead = window.yearsAhead();
    }

    @Override
    public boolean isValid(@Nullable LocalDate value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        // the validator's clock, which Spring lets tests fix like the application's Clock
        // bean
        LocalDate today = LocalDate.now(context.getClockProvider().getClock());
        LocalDate earliest = LocalDate.of(today.getYear() - yearsBack, 1, 1);
        LocalDate latest = today.plusYears(yearsAhead);
        if (!value.isBefore(earliest) && !value.isAfter(latest)) {
            return true;
        }
        context.unwrap(HibernateConstraintValidatorContext.class)
            .addMessageParameter("earliest", earliest.toString())
            .addMessageParameter("latest", latest.toString());
        return false;
    }

}
