package io.launchpad.web.organisation;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import java.util.stream.Collectors;

/**
 * An organisation as {@code GET /api/v1/organisations/{id}} answers (public): its
 * register numbers among the rest.
 */
public record Organisation(String id, @Nullable String name, @Nullable String type, boolean verified, long version,
        Map<String, String> identifiers, List<Register> registers) {

    public Organisation {
        identifiers = identifiers == null ? Map.of()
                : identifiers.entrySet()
                    .stream()
                    .filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        registers = registers == null ? List.of() : List.copyOf(registers);
    }
}
