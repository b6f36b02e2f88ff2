/**
 * A person's rights over their data: export, erasure (their Keycloak account included)
 * and consents.
 */
@NullMarked
package io.launchpad.api.privacy;

import org.jspecify.annotations.NullMarked;
