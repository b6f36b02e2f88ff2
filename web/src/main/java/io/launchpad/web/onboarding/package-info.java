/**
 * Onboarding after a first sign-in: choosing a role, then registering or joining an
 * organisation.
 */
@NullMarked
package io.launchpad.web.onboarding;

import org.jspecify.annotations.NullMarked;
