package io.launchpad.web.journey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import io.launchpad.web.account.Me;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;

/**
 * Small helpers the journey pages share: reading form fields and showing the API's
 * refusals.
 */
final class Forms {

    private Forms() {
    }

    static @Nullable String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static @Nullable Integer number(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.replace(",", "").replace("£", ""));
        }
        catch (NumberFormatException e) {
            return -1; // the API refuses it with a message naming the field
        }
    }

    /** One entry per non-blank line, as people type lists into a text area. */
    static List<String> lines(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Memberships of one organisation type ("association" or "supplier"). */
    static List<Me.Membership> memberships(@Nullable Me me, String type) {
        if (me == null) {
            return List.of();
        }
        List<Me.Membership> matching = new ArrayList<>();
        for (Me.Membership membership : me.memberships()) {
            if (type.equals(membership.organisationType())) {
                matching.add(membership);
            }
        }
        return matching;
    }

    /**
     * Renders the view again with the API's reason, in plain English
     * ({@link FormProblems}), when it refused the change; other failures propagate.
     */
    static Mono<String> refused(Throwable error, Model model, Mono<String> view) {
        return FormProblems.refused(error, model, () -> view);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(@Nullable Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        Object items = page.get("items");
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

}
