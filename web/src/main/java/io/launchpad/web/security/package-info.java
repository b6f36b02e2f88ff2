/**
 * Sign-in through Keycloak: realm roles, CSRF tokens, and sending people to sign in when
 * the API asks.
 */
@NullMarked
package io.launchpad.web.security;

import org.jspecify.annotations.NullMarked;
