package io.launchpad.api.supplier;

import io.launchpad.api.input.SingleLine;
import io.launchpad.api.taxonomy.KnownCode;
import io.launchpad.api.taxonomy.Vocabulary;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A supplier profile as sent on create and update. {@code organisationId} is required on
 * create and, being fixed for life, may only repeat the stored value on update.
 */
public record SupplierFields(@Nullable UUID organisationId, @NotBlank @SingleLine @Size(min = 2, max = 200) String name,
        @NotBlank @Size(max = 2_000) String summary, @Size(max = 10_000) @Nullable String capabilities,
        @Size(max = 10_000) @Nullable String products, @Size(max = 20_000) @Nullable String caseStudies,
        @NotNull @Size(max = 13) List<@NotNull @KnownCode(Vocabulary.REGION) String> regions,
        @Size(max = 20) @Nullable List<@NotNull @KnownCode(Vocabulary.ACCREDITATION) String> accreditations,
        @KnownCode(Vocabulary.ORGANISATION_SIZE) @Nullable String size,
        @Size(max = 5) @Nullable List<@NotNull @KnownCode(Vocabulary.CATEGORY) String> categories) {

    /**
     * The fields as sent before a profile could declare categories (matching credits
     * categories only when declared).
     */
    public SupplierFields(@Nullable UUID organisationId, String name, String summary, @Nullable String capabilities,
            @Nullable String products, @Nullable String caseStudies, List<String> regions,
            @Nullable List<String> accreditations, @Nullable String size) {
        this(organisationId, name, summary, capabilities, products, caseStudies, regions, accreditations, size, null);
    }

    SupplierFields normalised() {
        return new SupplierFields(organisationId, name.strip(), summary.strip(), orEmpty(capabilities),
                orEmpty(products), orEmpty(caseStudies), distinct(regions), distinct(accreditations), size,
                distinct(categories));
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text.strip();
    }

    private static List<String> distinct(@Nullable List<String> codes) {
        return codes == null ? List.of() : codes.stream().distinct().toList();
    }
}
