package io.launchpad.web.confirm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * A step between a button and an action that cannot be undone (withdraw, close early,
 * award, no award, decline): the page says what will happen and asks again. It works
 * without JavaScript: the action's own form posts without {@code confirmed}, gets this
 * page, and the page posts the same fields again with {@code confirmed=yes}. Everything
 * the person typed travels as hidden fields, so nothing is lost on the way.
 *
 * @param heading the question, naming the thing ("Withdraw ‘Cut damp reports’?")
 * @param consequences what will happen, in plain sentences
 * @param action where the confirmed form posts
 * @param button the confirming button's words ("Yes, withdraw it")
 * @param cancel where "No, go back" leads
 * @param fields the fields to post again
 */
public record Confirmation(String heading, List<String> consequences, String action, String button, String cancel,
        Map<String, String> fields) {

    public static final String CONFIRMED = "confirmed";

    public Confirmation {
        consequences = List.copyOf(consequences);
        fields = Map.copyOf(fields);
    }

    /** True when the form carries the answer to this page's question. */
    public static boolean given(MultiValueMap<String, String> form) {
        return "yes".equals(form.getFirst(CONFIRMED));
    }

    /**
     * The form's fields (one value each, the confirmation flag left out), to post again
     * once confirmed.
     */
    public static Map<String, String> carried(MultiValueMap<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!CONFIRMED.equals(name) && !"_csrf".equals(name) && !values.isEmpty() && values.getFirst() != null) {
                fields.put(name, values.getFirst());
            }
        });
        return fields;
    }

    /** Renders the page. */
    public String show(Model model) {
        model.addAttribute("confirmation", this);
        return "confirm";
    }
}
