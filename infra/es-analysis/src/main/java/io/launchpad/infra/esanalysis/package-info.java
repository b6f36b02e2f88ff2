/**
 * An Elasticsearch plugin registering Lucene's analysis under Elasticsearch's names on
 * the embedded node, which lacks {@code analysis-common}.
 */
@NullMarked
package io.launchpad.infra.esanalysis;

import org.jspecify.annotations.NullMarked;
