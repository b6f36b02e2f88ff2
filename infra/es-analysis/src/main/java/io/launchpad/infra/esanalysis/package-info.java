/**
 * An Elasticsearch plugin registering Lucene's analysis under Elasticsearch's names on the embedded node, which
 * lacks {@code analysis-common}.
 */
@org.jspecify.annotations.NullMarked
package io.launchpad.infra.esanalysis;
