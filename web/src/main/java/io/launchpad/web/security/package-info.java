/** Sign-in through Keycloak: realm roles, CSRF tokens, and sending people to sign in when the API asks. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.security;
