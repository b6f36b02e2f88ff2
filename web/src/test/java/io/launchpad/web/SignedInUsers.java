package io.launchpad.web;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;

/**
 * A user signed in through the real {@code keycloak} registration, holding the test
 * support's access token {@value #ACCESS_TOKEN}.
 */
public final class SignedInUsers {

    /** What {@code mockOidcLogin()} issues as the access token. */
    public static final String ACCESS_TOKEN = "access-token";

    private SignedInUsers() {
    }

    public static OidcLoginMutator signedIn(ReactiveClientRegistrationRepository registrations, String subject,
            String name) {
        return mockOidcLogin().clientRegistration(registrations.findByRegistrationId("keycloak").block())
            .idToken(token -> token.subject(subject).claim("name", name).claim("preferred_username", subject));
    }

}
