/** Onboarding after a first sign-in: choosing a role, then registering or joining an organisation. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.onboarding;
