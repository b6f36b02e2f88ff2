package io.launchpad.api.supplier;

import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SupplierApiTest extends ApiTestBase {

    @Test
    void supplierCreatesUpdatesAndPublishesItsProfile() {
        Actor supplier = actor("supplier");
        Map<String, Object> body = supplierBody(supplier.organisationId(), "Sensors Ltd", "Humidity sensors");
        String id = (String) api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("ETag", "\"1\"")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");

        api.get().uri("/api/v1/suppliers/{id}", id).exchange().expectStatus().isNotFound();

        body.put("capabilities", "Humidity and temperature sensors for damp prevention");
        body.put("accreditations", List.of("cyber-essentials-plus", "iso-27001"));
        api.put()
            .uri("/api/v1/suppliers/{id}", id)
            .header("Authorization", supplier.bearer())
            .header("If-Match", "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("ETag", "\"2\"")
            .expectBody()
            .jsonPath("$.accreditations.length()")
            .isEqualTo(2);

        api.post()
            .uri("/api/v1/suppliers/{id}/publish", id)
            .header("Authorization", supplier.bearer())
            .header("If-Match", "\"2\"")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("published");

        api.get()
            .uri("/api/v1/suppliers/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("ETag", "\"3\"")
            .expectBody()
            .jsonPath("$.capabilities")
            .isEqualTo("Humidity and temperature sensors for damp prevention")
            .jsonPath("$.categories.length()")
            .isEqualTo(0);
    }

    @Test
    void aSupplierDeclaresItsCategoriesAndOnlyKnownOnes() {
        Actor supplier = actor("supplier");
        Map<String, Object> body = supplierBody(supplier.organisationId(), "Damp Declared Ltd", "Humidity sensors");
        body.put("categories", List.of("damp-and-mould", "iot-and-sensors", "damp-and-mould"));
        String id = (String) api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        api.get()
            .uri("/api/v1/suppliers/{id}", id)
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.categories")
            .isEqualTo(List.of("damp-and-mould", "iot-and-sensors"));

        body.put("categories", List.of("knitting"));
        api.put()
            .uri("/api/v1/suppliers/{id}", id)
            .header("Authorization", supplier.bearer())
            .header("If-Match", "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("categories[0]")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("known-code");
    }

    @Test
    void onlyItsOwnMembersChangeAProfileAndOneProfilePerOrganisation() {
        Actor supplier = actor("supplier");
        Map<String, Object> body = supplierBody(supplier.organisationId(), "Repairs App Ltd", "Repairs reporting");
        String id = (String) api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        api.post()
            .uri("/api/v1/suppliers/{id}/publish", id)
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk();

        Actor rival = actor("supplier");
        api.put()
            .uri("/api/v1/suppliers/{id}", id)
            .header("Authorization", rival.bearer())
            .header("If-Match", "\"2\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isForbidden();
        api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", rival.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isForbidden();
        api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isEqualTo(409);
        Actor association = actor("association");
        api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(supplierBody(association.organisationId(), "Not a supplier", "n/a"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("organisation-type");

        Map<String, Object> moved = supplierBody(rival.organisationId(), "Repairs App Ltd", "Repairs reporting");
        api.put()
            .uri("/api/v1/suppliers/{id}", id)
            .header("Authorization", supplier.bearer())
            .header("If-Match", "\"2\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(moved)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("organisationId")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("immutable");
    }

    @Test
    void unknownRegionAndAccreditationCodesAreRejected() {
        Actor supplier = actor("supplier");
        Map<String, Object> body = supplierBody(supplier.organisationId(), "Atlantis Tech", "n/a");
        body.put("regions", List.of("atlantis"));
        body.put("accreditations", List.of("iso-99999"));
        api.post()
            .uri("/api/v1/suppliers")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("accreditations[0]")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("known-code")
            .jsonPath("$.errors[1].field")
            .isEqualTo("regions[0]");
        assertThat(count("supplier_profile where organisation_id = '" + supplier.organisationId() + "'")).isZero();
    }

}
