/**
 * Onboarding: a person who signed up on their own chooses a marketplace role, granted in
 * Keycloak.
 */
@NullMarked
package io.launchpad.api.onboarding;

import org.jspecify.annotations.NullMarked;
