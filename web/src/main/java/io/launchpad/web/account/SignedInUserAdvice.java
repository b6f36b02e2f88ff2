package io.launchpad.web.account;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page header shows who is signed in. The name comes from the ID token, so the
 * header costs no API call.
 */
@ControllerAdvice
class SignedInUserAdvice {

    @ModelAttribute("signedInUser")
    @Nullable String signedInUser(@AuthenticationPrincipal @Nullable OidcUser user) {
        if (user == null) {
            return null;
        }
        return firstPresent(user.getFullName(), user.getPreferredUsername(), user.getEmail(), user.getSubject());
    }

    private static @Nullable String firstPresent(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

}
