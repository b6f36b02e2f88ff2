package io.launchpad.web;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The whole web app against the {@link ApiStub}, driven through {@link WebTestClient}.
 * Every page test extends this class and declares no context configuration of its own:
 * Spring's context cache key includes the {@code @DynamicPropertySource} methods, so one
 * method here means one context for all. Time in that context is a {@link TestClock}:
 * cached copies expire when a test says so.
 */
@SpringBootTest
@Import(TestClock.class)
@AutoConfigureWebTestClient(timeout = "PT30S") // the first page renders cold on a busy
                                               // machine
public abstract class WebPageTest {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        ApiStub.register(registry);
    }

    /**
     * Runs before the subclass's own {@code @BeforeEach}, which adds its stubs on a clean
     * server.
     */
    @BeforeEach
    void forgetThePreviousTestsStubs() {
        ApiStub.reset();
    }

    protected OidcLoginMutator signedIn(String subject, String name) {
        return SignedInUsers.signedIn(registrations, subject, name);
    }

    /**
     * Signed in with one realm role, as the web's sign-in reads it from the access token.
     */
    protected OidcLoginMutator signedIn(String subject, String name, String realmRole) {
        return signedIn(subject, name).authorities(new SimpleGrantedAuthority("ROLE_" + realmRole));
    }

    /** The HTML of a page that must render (200) for this user. */
    protected String pageAs(OidcLoginMutator user, String path) {
        return web.mutateWith(user)
            .get()
            .uri(path)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    }

    /**
     * Posts a form with its CSRF token and returns the page re-rendered (200), as after a
     * refusal.
     */
    protected String submitAs(OidcLoginMutator user, String path, MultiValueMap<String, String> form) {
        return web.mutateWith(user)
            .mutateWith(csrf())
            .post()
            .uri(path)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    }

}
