/** Runs one real Elasticsearch node in this JVM from the jars Maven Central publishes, for development and tests. */
@org.jspecify.annotations.NullMarked
package io.launchpad.infra.esnode;
