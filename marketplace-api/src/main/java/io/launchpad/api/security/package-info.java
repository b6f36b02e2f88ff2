/** The API as an OAuth2 resource server for Keycloak tokens: who is calling, and the 401 and 403 problems. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.security;
