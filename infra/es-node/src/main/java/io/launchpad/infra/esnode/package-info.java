/**
 * Runs one real Elasticsearch node in this JVM from the jars Maven Central publishes, for
 * development and tests.
 */
@NullMarked
package io.launchpad.infra.esnode;

import org.jspecify.annotations.NullMarked;
