/**
 * The API as an OAuth2 resource server for Keycloak tokens: who is calling, and the 401
 * and 403 problems.
 */
@NullMarked
package io.launchpad.api.security;

import org.jspecify.annotations.NullMarked;
