/**
 * Starts the real components (PostgreSQL, Elasticsearch, Keycloak, mail) and the packaged
 * services on this machine, for the run command and the tests.
 */
@NullMarked
package io.launchpad.infra.stack;

import org.jspecify.annotations.NullMarked;
