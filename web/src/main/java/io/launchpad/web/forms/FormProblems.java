package io.launchpad.web.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import io.launchpad.web.api.ApiProblemException;

import reactor.core.publisher.Mono;

/**
 * Reading plain HTML form fields, and showing the API's refusals on the form: the problem's detail
 * above the form ({@code formError}) and each blamed field's message beside that field
 * ({@code fieldErrors}, keyed by the form's name for it).
 */
public final class FormProblems {

    private FormProblems() {
    }

    /**
     * Renders the form again with the API's reasons when it refused the change (4xx a person can
     * correct); other failures propagate to the error page.
     */
    public static Mono<String> refused(Throwable error, Model model, Supplier<Mono<String>> view) {
        if (error instanceof ApiProblemException problem && problem.isRefusal()) {
            model.addAttribute("formError", problem.detail() == null ? "That was not accepted." : problem.detail());
            model.addAttribute("fieldErrors", fieldErrors(problem.fieldErrors()));
            return view.get();
        }
        return Mono.error(error);
    }

    /**
     * The API names a field by its JSON path ({@code skills[2].level}, {@code experience[0].years});
     * the form shows the message beside the control for the top-level field, naming the element.
     */
    public static Map<String, String> fieldErrors(List<ApiProblemException.FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (ApiProblemException.FieldError error : errors) {
            if (error.field() == null) {
                continue;
            }
            String path = error.field();
            String message = error.message() == null ? "is not accepted" : error.message();
            String shown = path.equals(topField(path)) ? message : path + ": " + message;
            byField.merge(topField(path), shown, (first, second) -> first + "; " + second);
        }
        return byField;
    }

    static String topField(String path) {
        int end = path.length();
        int bracket = path.indexOf('[');
        int dot = path.indexOf('.');
        if (bracket >= 0) {
            end = Math.min(end, bracket);
        }
        if (dot >= 0) {
            end = Math.min(end, dot);
        }
        return path.substring(0, end);
    }

    public static @Nullable String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A whole number as typed ("12", "1,000"); text that is not one goes as -1 so the API names the field. */
    public static @Nullable Integer number(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.replace(",", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A checkbox: present (with any value) means ticked; browsers send nothing for an unticked one. */
    public static boolean ticked(MultiValueMap<String, String> form, String name) {
        return text(form, name) != null;
    }
}
