/** A person's rights over their data: export, erasure (their Keycloak account included) and consents. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.privacy;
