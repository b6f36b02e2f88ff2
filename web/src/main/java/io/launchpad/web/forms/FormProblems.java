package io.launchpad.web.forms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import io.launchpad.web.api.ApiProblemException;

import reactor.core.publisher.Mono;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reading plain HTML form fields, and showing the API's refusals on the form the GOV.UK
 * Design System way: every problem at once in an error summary at the top
 * ({@code errorSummary}, each linking to its field) and each beside its field
 * ({@code fieldErrors}, keyed by the form's name for it), in plain English. The API names
 * fields by JSON path and rules by code ({@code weightings[0].weight}, {@code minimum});
 * {@link FormFields} says what each is called on the form, and the rule becomes a
 * sentence that says how to put it right. Nothing the API says that reads like code
 * reaches the page.
 */
public final class FormProblems {

    /**
     * The rule the web itself applies to a number box holding something that is not a
     * whole number.
     */
    public static final String WHOLE_NUMBER = "whole-number";

    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private static final Pattern BETWEEN = Pattern.compile("between (\\d+) and (\\d+)");

    /**
     * API wording that is no sentence for people: regular expressions, JSON paths, codes,
     * quotes.
     */
    private static final Pattern CODE_LIKE = Pattern
        .compile("[\\^$\\\\{}\\[\\]\"=/]|\\b[a-z]+[A-Z][a-zA-Z]*\\b|\\d{4}-\\d{2}-\\d{2}T");

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");

    /**
     * A detail that starts by naming the field ({@code status: ...},
     * {@code weightings[0].weight: ...}).
     */
    private static final Pattern FIELD_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9_.\\[\\]-]*: ");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /**
     * One problem as people read it. {@code key} is the form's name for the field it is
     * shown beside (null for the form as a whole), {@code anchor} the id the summary
     * links to.
     */
    public record Problem(@Nullable String key, @Nullable String anchor, String message) {
    }

    /**
     * The API's rule for publishing by an organisation no admin has verified yet (issue
     * 10).
     */
    static final String UNVERIFIED_RULE = "verified-organisation";

    /**
     * What a refused publish by an unverified organisation says; the page then links to
     * its verification status.
     */
    public static final String UNVERIFIED = "Your organisation has not been verified yet, so this cannot be published."
            + " It is kept as a draft: publish it once an admin has verified your organisation.";

    /** The page that says where each of the person's organisations stands. */
    public static final String VERIFICATION_PAGE = "/organisations/verification";

    private FormProblems() {
    }

    /**
     * Renders the form again with the API's reasons when it refused the change (4xx a
     * person can correct); other failures propagate to the error page. Fields are named
     * after the API's own names.
     */
    public static Mono<String> refused(Throwable error, Model model, Supplier<Mono<String>> view) {
        return refused(error, model, FormFields.guessing("record"), view);
    }

    /** As {@link #refused(Throwable, Model, Supplier)}, in the form's own words. */
    public static Mono<String> refused(Throwable error, Model model, FormFields fields, Supplier<Mono<String>> view) {
        return refused(error, model, fields, List.of(), view);
    }

    /**
     * As above, with problems the web found itself in the form ({@code local}: number
     * boxes, missing answers).
     */
    public static Mono<String> refused(Throwable error, Model model, FormFields fields,
            List<ApiProblemException.FieldError> local, Supplier<Mono<String>> view) {
        if (error instanceof ApiProblemException problem && problem.isRefusal()) {
            show(model, problems(fields, problem, local));
            return view.get();
        }
        return Mono.error(error);
    }

    /**
     * True when the API refused a change because what it was based on has changed since
     * (If-Match).
     */
    public static boolean isConflict(Throwable error) {
        if (!(error instanceof ApiProblemException problem) || !problem.isRefusal()) {
            return false;
        }
        return problem.apiStatus() == 412 || problem.fieldErrors().stream().anyMatch(FormProblems::isConflict);
    }

    /**
     * The API's refusal and the web's own findings ({@code local}, which win for their
     * field), as people read them.
     */
    public static List<Problem> problems(FormFields fields, @Nullable ApiProblemException refusal,
            List<ApiProblemException.FieldError> local) {
        List<Problem> problems = new ArrayList<>();
        boolean conflict = refusal != null
                && (refusal.apiStatus() == 412 || refusal.fieldErrors().stream().anyMatch(FormProblems::isConflict));
        if (conflict) {
            problems.add(new Problem(null, null,
                    "Someone changed this " + fields.thing()
                            + " while you were editing. Your changes are below; check them against the current version"
                            + " and save again."));
        }
        List<ApiProblemException.FieldError> errors = new ArrayList<>(local);
        if (refusal != null) {
            refusal.fieldErrors().stream().filter(e -> !isConflict(e)).forEach(errors::add);
        }
        for (ApiProblemException.FieldError error : errors) {
            problems.add(problem(fields, error));
        }
        if (problems.isEmpty() && refusal != null) {
            String detail = refusal.detail() == null ? null
                    : words(FIELD_PREFIX.matcher(refusal.detail()).replaceFirst(""));
            problems.add(new Problem(null, null, detail != null && readable(detail) ? sentence(detail)
                    : "That was not accepted. Check your answers and try again."));
        }
        // one message per field (the first the API gave), the form's order, the form-wide
        // ones first
        Map<String, Problem> byKey = new LinkedHashMap<>();
        List<Problem> unique = new ArrayList<>();
        for (Problem problem : problems) {
            if (problem.key() == null) {
                if (unique.stream().noneMatch(p -> p.key() == null && p.message().equals(problem.message()))) {
                    unique.add(problem);
                }
            }
            else if (byKey.putIfAbsent(problem.key(), problem) == null) {
                unique.add(problem);
            }
        }
        unique.sort(Comparator.comparingInt(p -> p.key() == null ? -1 : fields.position(p.key())));
        return unique;
    }

    /** Puts the problems where the templates look for them. */
    public static void show(Model model, List<Problem> problems) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (Problem problem : problems) {
            if (problem.key() != null) {
                byKey.putIfAbsent(problem.key(), problem.message());
            }
        }
        model.addAttribute("errorSummary", problems);
        if (problems.stream().anyMatch(problem -> UNVERIFIED.equals(problem.message()))) {
            model.addAttribute("verificationLink", VERIFICATION_PAGE);
        }
        model.addAttribute("fieldErrors", byKey);
        // pages not yet showing the summary read formError above the form
        model.addAttribute("formError", String.join(" ", problems.stream().map(Problem::message).toList()));
    }

    private static boolean isConflict(ApiProblemException.FieldError error) {
        return "If-Match".equalsIgnoreCase(String.valueOf(error.field())) && "current-version".equals(error.rule());
    }

    static Problem problem(FormFields fields, ApiProblemException.FieldError error) {
        if (UNVERIFIED_RULE.equals(error.rule())) {
            return new Problem(null, null, UNVERIFIED);
        }
        String path = error.field();
        if (path == null || path.isBlank() || "body".equals(path)) {
            String message = error.message() == null ? null : words(error.message());
            return new Problem(null, null, message != null && readable(message) ? sentence(message)
                    : "Check your answers: something is not accepted.");
        }
        FormFields.Field field = fields.field(path);
        String own = fields.message(path, error.rule());
        if (field == null && !fields.guesses()) {
            // not a field of this form: said above it, in the field's own words where the
            // API's read well
            FormFields.Field named = new FormFields.Field("", "", humanised(topField(path)),
                    "Enter " + humanised(topField(path)).toLowerCase(Locale.UK));
            return new Problem(null, null, own != null ? own : plain(named, error));
        }
        if (field == null) {
            String top = topField(path);
            field = new FormFields.Field(top, top, humanised(top), "Enter " + humanised(top).toLowerCase(Locale.UK));
        }
        return new Problem(field.key(), field.anchor(), own != null ? own : plain(field, error));
    }

    /** The rule, said as what to do about it. */
    static String plain(FormFields.Field field, ApiProblemException.FieldError error) {
        String label = field.label();
        String lower = label.toLowerCase(Locale.UK);
        String message = error.message() == null ? "" : words(error.message());
        String rule = error.rule() == null ? "" : error.rule();
        return switch (rule) {
            case "required", "required-to-publish", "required-to-submit" -> field.required();
            case "length" -> length(label, message);
            case "minimum" ->
                number(message).map(n -> label + " must be " + n + " or more").orElse(label + " is too small");
            case "maximum" ->
                number(message).map(n -> label + " must be " + n + " or less").orElse(label + " is too large");
            case "range" -> label + " is outside the range allowed";
            case WHOLE_NUMBER, "type" -> label + " must be a whole number, like 12";
            case "email" -> "Enter an email address in the correct format, like name@example.com";
            case "pattern" -> "Enter " + lower + " in the correct format";
            case "known-code", "known-level", "known-skill", "one-of", "known-criterion", "known-requirement" ->
                "Choose " + lower + " from the list";
            case "not-in-past" -> label + " must be today or in the future";
            case "future" -> label + " must be after today";
            case "in-past" -> label + " must be in the past";
            case "date-range" -> label + " must be a real date";
            case "single-line" -> label + " must be on one line";
            case "not-after-closing" -> label + " must be on or before the closing date";
            case "sum-100" ->
                "The weightings must add up to 100" + number(message).map(n -> "; they add up to " + n).orElse("");
            case "unique", "unique-criteria" -> label + " lists the same thing twice";
            case "consent-required" -> "Tick the box to agree, or leave " + lower + " empty";
            case "immutable" -> label + " cannot be changed";
            default -> readable(message) ? (startsLikeAPredicate(message) ? label + " " + message : sentence(message))
                    : "Check " + lower;
        };
    }

    private static String length(String label, String message) {
        Matcher between = BETWEEN.matcher(message);
        if (between.find()) {
            int min = Integer.parseInt(between.group(1));
            int max = Integer.parseInt(between.group(2));
            return min <= 1 ? label + " must be " + max + " characters or fewer"
                    : label + " must be between " + min + " and " + max + " characters";
        }
        return label + " is too long";
    }

    private static Optional<String> number(String message) {
        Matcher matcher = NUMBER.matcher(message);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return Optional.ofNullable(last);
    }

    private static boolean startsLikeAPredicate(String message) {
        return message.matches("^(must|is|are|cannot|can|lists|has|should)\\b.*");
    }

    /**
     * Free of code: no regular expression, JSON path, camelCase name, quoted code or ISO
     * date.
     */
    static boolean readable(String message) {
        return !message.isBlank() && !CODE_LIKE.matcher(message).find() && !message.contains(": ");
    }

    /** Dates as people write them: {@code 2026-12-01} → "1 December 2026". */
    static String words(String message) {
        Matcher date = ISO_DATE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (date.find()) {
            String day;
            try {
                day = LocalDate.parse(date.group(1)).format(DAY);
            }
            catch (DateTimeParseException e) {
                day = date.group(1);
            }
            date.appendReplacement(out, Matcher.quoteReplacement(day));
        }
        date.appendTail(out);
        return out.toString();
    }

    private static String sentence(String message) {
        String text = message.strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code hoursPerMonth} → "Hours per month". */
    static String humanised(String name) {
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2")
            .replace('-', ' ')
            .replace('_', ' ')
            .toLowerCase(Locale.UK);
        return spaced.isEmpty() ? "This field" : sentence(spaced);
    }

    /** The top-level field of an API path: {@code skills[2].level} → {@code skills}. */
    public static String topField(String path) {
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

    /**
     * A whole number as typed ("12", "1,000", "£25,000"); text that is not one goes as -1
     * (see {@link #notWholeNumbers}).
     */
    public static @Nullable Integer number(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.replace(",", "").replace("£", "").strip());
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The number boxes (form name → API name) holding something that is not a whole
     * number, as problems the web found itself: they replace the API's "must be 0 or
     * more" for the -1 sent in their place.
     */
    public static List<ApiProblemException.FieldError> notWholeNumbers(MultiValueMap<String, String> form,
            Map<String, String> apiNameByFormName) {
        List<ApiProblemException.FieldError> errors = new ArrayList<>();
        apiNameByFormName.forEach((formName, apiName) -> {
            String value = text(form, formName);
            if (value != null && !value.replace(",", "").replace("£", "").strip().matches("-?\\d+")) {
                errors.add(new ApiProblemException.FieldError(apiName, WHOLE_NUMBER, null));
            }
        });
        return errors;
    }

    /**
     * A checkbox: present (with any value) means ticked; browsers send nothing for an
     * unticked one.
     */
    public static boolean ticked(MultiValueMap<String, String> form, String name) {
        return text(form, name) != null;
    }

}
