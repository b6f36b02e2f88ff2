/** Onboarding: a person who signed up on their own chooses a marketplace role, granted in Keycloak. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.onboarding;
