package io.launchpad.web.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;

/**
 * An organisation's numbers on the UK's public registers as forms ask for them: one
 * optional text box each, named as the API names the number ({@code companyNumber}), with
 * a hint giving the register's format and, when the API refuses a number
 * ({@code invalid-identifier}, rule {@code format}), a message saying what the number
 * looks like. The social housing registers are for associations.
 */
public final class RegisterNumbers {

    /**
     * One number's box.
     *
     * @param name the API's name and the form's (control id and name)
     * @param label the box's label
     * @param hint the format, shown under the label and read out with the box
     * @param format what to say when the API refuses it
     * @param socialHousing a social housing register's number: asked of associations only
     */
    public record Field(String name, String label, String hint, String format, boolean socialHousing) {
    }

    public static final List<Field> FIELDS = List.of(new Field("companyNumber", "Companies House number",
            "8 digits, or 2 letters and 6 digits, for example 01234567 or SC123456",
            "Enter the Companies House number as 8 digits, or 2 letters and 6 digits, like 01234567 or SC123456",
            false),
            new Field("charityNumber", "Charity number",
                    "England and Wales: 6 or 7 digits. Scotland: SC and 6 digits. Northern Ireland: NIC and 6 digits",
                    "Enter the charity number as 6 or 7 digits (England and Wales), SC and 6 digits (Scotland) or NIC"
                            + " and 6 digits (Northern Ireland)",
                    false),
            new Field("mutualsNumber", "Mutuals Public Register number",
                    "For a co-operative or community benefit society registered with the FCA: digits, sometimes"
                            + " ending in R, such as 31367R, or RS and 6 digits",
                    "Enter the Mutuals Public Register number as digits, sometimes ending in R, like 31367R, or RS and 6 digits",
                    false),
            new Field("socialHousingEngland", "Regulator of Social Housing registration number",
                    "England: 4 digits, sometimes after 1 or 2 letters, for example L4426 or 4810",
                    "Enter the Regulator of Social Housing number as 4 digits, sometimes after 1 or 2 letters, like L4426",
                    true),
            new Field("socialHousingScotland", "Scottish Housing Regulator registration number",
                    "Up to 4 digits, sometimes after up to 3 letters, for example HAL141",
                    "Enter the Scottish Housing Regulator number as up to 4 digits, sometimes after up to 3 letters, like HAL141",
                    true),
            new Field("socialHousingWales", "Welsh Government register of social landlords number",
                    "Up to 4 digits, sometimes after up to 3 letters, for example L001",
                    "Enter the Welsh social landlord number as up to 4 digits, sometimes after up to 3 letters, like L001",
                    true));

    private RegisterNumbers() {
    }

    /**
     * The boxes a form shows: all of them for an association; for a supplier, the social
     * housing ones only when it already has such a number (so that saving does not drop
     * what the API holds).
     */
    public static List<Field> shown(@Nullable String organisationType, Map<String, String> values) {
        boolean association = "association".equals(organisationType);
        return FIELDS.stream()
            .filter(field -> !field.socialHousing() || association || values.get(field.name()) != null)
            .toList();
    }

    /**
     * The boxes added to a form's fields in form order, for the API's paths:
     * {@code prefix} is {@code "identifiers."} when they are part of registering the
     * organisation, empty on their own page.
     */
    public static FormFields addTo(FormFields fields, String prefix) {
        for (Field field : FIELDS) {
            // optional: "required" never comes; the message is there should a form ever
            // ask for one
            fields.field(prefix + field.name(), field.name(), field.name(), field.label(), "Enter the " + field.label())
                .message(prefix + field.name(), "format", field.format());
        }
        return fields;
    }

    /**
     * The numbers as typed, in the API's shape ({@code {"companyNumber": "01234567",
     * ...}}), blank ones as null.
     */
    public static Map<String, @Nullable String> body(MultiValueMap<String, String> form) {
        Map<String, @Nullable String> body = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            body.put(field.name(), FormProblems.text(form, field.name()));
        }
        return body;
    }

    /** True when the form has any number typed in. */
    public static boolean anyGiven(MultiValueMap<String, String> form) {
        return FIELDS.stream().anyMatch(field -> FormProblems.text(form, field.name()) != null);
    }

    /**
     * The boxes' values as typed ({@code form}) or as the API holds them
     * ({@code identifiers}).
     */
    public static Map<String, String> values(@Nullable MultiValueMap<String, String> form,
            @Nullable Map<String, ?> identifiers) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            Object value = form != null ? form.getFirst(field.name())
                    : identifiers == null ? null : identifiers.get(field.name());
            if (value != null) {
                values.put(field.name(), String.valueOf(value));
            }
        }
        return values;
    }

}
