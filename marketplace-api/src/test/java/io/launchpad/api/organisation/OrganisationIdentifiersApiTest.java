package io.launchpad.api.organisation;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;

/**
 * Issue 14, item 3, over the real PostgreSQL: an association registers with its Companies
 * House, charity and Regulator of Social Housing numbers, tidied and listed with their
 * registers' schemes; numbers not in their register's format are refused with a 422
 * naming each field and nothing is written; only members change them, and a stale
 * If-Match is refused.
 */
class OrganisationIdentifiersApiTest extends ApiTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void anAssociationRegistersWithItsRegisterNumbersAndMembersAloneChangeThem() {
        TestTokens.TestUser officer = TestTokens.user("association");
        String name = "Riverside Homes " + UUID.randomUUID();
        Map<?, ?> created = api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", officer.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", name, "type", "association", "identifiers",
                    Map.of("companyNumber", "123 4567", "charityNumber", "1084532", "socialHousingEngland", "l4426")))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String id = (String) created.get("id");
        assertThat((Map<String, Object>) created.get("identifiers")).containsEntry("companyNumber", "01234567")
            .containsEntry("charityNumber", "1084532")
            .containsEntry("socialHousingEngland", "L4426");
        api.get()
            .uri("/api/v1/organisations/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.registers[0].scheme")
            .isEqualTo("GB-COH")
            .jsonPath("$.registers[0].id")
            .isEqualTo("01234567")
            .jsonPath("$.registers[1].scheme")
            .isEqualTo("GB-CHC")
            .jsonPath("$.registers[2].scheme")
            .isEqualTo("GB-SHPE")
            .jsonPath("$.registers[2].register")
            .isEqualTo("Regulator of Social Housing");

        // the admin verifying it sees the numbers to look up
        api.get()
            .uri("/api/v1/admin/verification-queue")
            .header("Authorization", TestTokens.user("admin").bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[?(@.id == '" + id + "')].registers[0].id")
            .isEqualTo(List.of("01234567"));

        // every number out of format is named at once, and no organisation is created
        long before = count("organisation");
        api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", TestTokens.user("association").bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Hillside Homes " + UUID.randomUUID(), "type", "association", "identifiers",
                    Map.of("companyNumber", "123456789", "socialHousingEngland", "X44261")))
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("identifiers.companyNumber")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("format")
            .jsonPath("$.errors[1].field")
            .isEqualTo("identifiers.socialHousingEngland");
        assertThat(count("organisation")).isEqualTo(before);

        // members change them; anyone else may not; a stale If-Match changes nothing
        String uri = "/api/v1/organisations/" + id + "/identifiers";
        api.put()
            .uri(uri)
            .header("Authorization", TestTokens.user("association").bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("companyNumber", "SC123456"))
            .exchange()
            .expectStatus()
            .isForbidden();
        api.put()
            .uri(uri)
            .header("Authorization", officer.bearer())
            .header("If-Match", "\"99\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("companyNumber", "SC123456"))
            .exchange()
            .expectStatus()
            .isEqualTo(412);
        api.put()
            .uri(uri)
            .header("Authorization", officer.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("charityNumber", "NIC 10000"))
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("charityNumber");
        api.put()
            .uri(uri)
            .header("Authorization", officer.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("charityNumber", "NIC100002", "mutualsNumber", "31367R"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.identifiers.companyNumber")
            .doesNotExist()
            .jsonPath("$.registers[0].scheme")
            .isEqualTo("GB-NIC")
            .jsonPath("$.registers[0].id")
            .isEqualTo("100002")
            .jsonPath("$.registers[1].scheme")
            .isEqualTo("GB-MPR");
    }

}
