package io.launchpad.web.journey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;

/**
 * A supplier's response form and the API's response fields, both ways: evidence per
 * requirement ({@code evidence-<requirement id>}), approach, price and availability.
 * Submitting needs evidence against every essential requirement, an approach and a price;
 * the API says so one rule at a time, so the web checks them all first and says
 * everything at once, without saving anything.
 */
final class ResponseForm {

    private ResponseForm() {
    }

    static FormFields fields(Map<String, Object> challenge) {
        FormFields fields = FormFields.of("response")
            .choose("organisationId", "organisationId", "Responding for", "the supplier you are responding for");
        for (Map<String, Object> requirement : ChallengeWork.list(challenge.get("requirements"))) {
            String id = String.valueOf(requirement.get("id"));
            String text = String.valueOf(requirement.get("text"));
            fields.field("evidence." + id, "evidence-" + id, "evidence-" + id, "Evidence for “" + text + "”",
                    "Enter your evidence for “" + text + "”");
        }
        return fields.enter("approach", "Approach", "your approach")
            .enter("pricePounds", "Price", "a price in pounds")
            .enter("availability", "Availability", "when you could start")
            .message("pricePounds", FormProblems.WHOLE_NUMBER, "Price must be a whole number of pounds, like 25000")
            .message("organisationId", "one-response-per-supplier",
                    "This supplier has already responded to this challenge; change that response instead")
            .message("closingDate", "before-closing", "This challenge has closed: it no longer takes responses")
            .message("status", "draft", "This response is already submitted, so it cannot be changed");
    }

    /**
     * What the web can tell without saving: words in the price box; on submit, every
     * answer still missing.
     */
    static List<ApiProblemException.FieldError> local(MultiValueMap<String, String> form, Map<String, Object> challenge,
            boolean submit) {
        List<ApiProblemException.FieldError> problems = new ArrayList<>();
        if (submit) {
            for (Map<String, Object> requirement : ChallengeWork.list(challenge.get("requirements"))) {
                String id = String.valueOf(requirement.get("id"));
                if (Boolean.TRUE.equals(requirement.get("essential"))
                        && FormProblems.text(form, "evidence-" + id) == null) {
                    problems.add(new ApiProblemException.FieldError("evidence." + id, "required-to-submit", null));
                }
            }
            if (FormProblems.text(form, "approach") == null) {
                problems.add(new ApiProblemException.FieldError("approach", "required-to-submit", null));
            }
            if (FormProblems.text(form, "pricePounds") == null) {
                problems.add(new ApiProblemException.FieldError("pricePounds", "required-to-submit", null));
            }
        }
        problems.addAll(FormProblems.notWholeNumbers(form, Map.of("pricePounds", "pricePounds")));
        return problems;
    }

    static Map<String, Object> body(MultiValueMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("approach", FormProblems.text(form, "approach"));
        body.put("pricePounds", FormProblems.number(form, "pricePounds"));
        body.put("availability", FormProblems.text(form, "availability"));
        Map<String, String> evidence = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("evidence-") && !values.isEmpty() && !values.getFirst().isBlank()) {
                evidence.put(name.substring("evidence-".length()), values.getFirst());
            }
        });
        body.put("evidence", evidence);
        return body;
    }

    /** The form filled from the supplier's saved response. */
    static Map<String, String> values(@Nullable Map<String, Object> response) {
        Map<String, String> values = new HashMap<>();
        if (response == null) {
            return values;
        }
        values.put("responseId", String.valueOf(response.get("id")));
        for (String field : List.of("version", "approach", "pricePounds", "availability", "organisationId")) {
            if (response.get(field) != null) {
                values.put(field, String.valueOf(response.get(field)));
            }
        }
        if (response.get("evidence") instanceof Map<?, ?> evidence) {
            evidence.forEach((id, text) -> values.put("evidence-" + id, String.valueOf(text)));
        }
        return values;
    }

}
