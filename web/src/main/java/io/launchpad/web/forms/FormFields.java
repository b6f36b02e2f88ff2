package io.launchpad.web.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One form's fields as the API names them, in the order the form shows them: for each,
 * the control its error is shown beside ({@code key}, the form's name for it), the
 * element the error summary links to ({@code anchor}: the control, or the first radio of
 * a group), the field's name in a sentence, and what to say when it is missing. Paths
 * into lists ({@code weightings[0].weight}, {@code evidence.E1}) are mapped by
 * {@link #paths}. The GOV.UK Design System's error message rules: say what happened and
 * how to fix it, in the form's own words, never the API's field names.
 */
public final class FormFields {

    /**
     * @param key the form's name for the field: {@code fieldErrors} is keyed by it
     * @param anchor the id the error summary links to
     * @param label the field's name at the start of a sentence ("Title", "Hours a month")
     * @param required what to do when it is missing ("Enter a title", "Choose a region")
     */
    public record Field(String key, String anchor, String label, String required) {
    }

    private final String thing;

    private final Map<String, Field> byApiName = new LinkedHashMap<>();

    private final Map<String, String> messages = new HashMap<>();

    private final List<Function<String, @Nullable Field>> paths = new ArrayList<>();

    private final List<String> order = new ArrayList<>();

    private final boolean guessing;

    private FormFields(String thing, boolean guessing) {
        this.thing = thing;
        this.guessing = guessing;
    }

    /**
     * A form that names its fields: a problem with a field it does not have is shown
     * above the form.
     * @param thing what the form edits, for the conflict message ("challenge", "board
     * role")
     */
    public static FormFields of(String thing) {
        return new FormFields(thing, false);
    }

    /**
     * For forms that have not named their fields: each problem goes beside the control
     * named like the API's top-level field ({@code skills[2].level} → {@code skills}),
     * labelled from that name.
     */
    public static FormFields guessing(String thing) {
        return new FormFields(thing, true);
    }

    boolean guesses() {
        return guessing;
    }

    /** A text field: the control's id is the API's name for it. */
    public FormFields enter(String apiName, String label, String what) {
        return field(apiName, apiName, apiName, label, "Enter " + what);
    }

    /** A choice (select, radios): "Choose ..." when missing. */
    public FormFields choose(String apiName, String anchor, String label, String what) {
        return field(apiName, apiName, anchor, label, "Choose " + what);
    }

    public FormFields field(String apiName, String key, String anchor, String label, String required) {
        Field field = new Field(key, anchor, label, required);
        byApiName.put(apiName, field);
        order.add(key);
        return this;
    }

    /**
     * Maps API paths such as {@code weightings[0].weight} to a field of the form (null
     * when not its kind).
     */
    public FormFields paths(Function<String, @Nullable Field> mapping) {
        paths.add(mapping);
        return this;
    }

    /**
     * A message of its own for one rule of one field, when the general one reads badly:
     * by API path, with {@code []} standing for any index
     * ({@code essentialRequirements[]} is each line, {@code essentialRequirements} the
     * list).
     */
    public FormFields message(String apiName, String rule, String message) {
        messages.put(apiName + "|" + rule, message);
        return this;
    }

    /**
     * Where an indexed field sits among the others (its key's place in the summary); call
     * in form order.
     */
    public FormFields place(String key) {
        order.add(key);
        return this;
    }

    @Nullable Field field(String apiPath) {
        for (Function<String, @Nullable Field> mapping : paths) {
            Field field = mapping.apply(apiPath);
            if (field != null) {
                return field;
            }
        }
        Field exact = byApiName.get(apiPath);
        if (exact != null) {
            return exact;
        }
        return byApiName.get(FormProblems.topField(apiPath));
    }

    /**
     * A message of the form's own: by exact path, then by path with indexes left out
     * ({@code weightings[].weight}).
     */
    @Nullable String message(String apiPath, @Nullable String rule) {
        String exact = messages.get(apiPath + "|" + rule);
        return exact != null ? exact : messages.get(apiPath.replaceAll("\\[\\d+]", "[]") + "|" + rule);
    }

    int position(String key) {
        int index = order.indexOf(key);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    String thing() {
        return thing;
    }

}
