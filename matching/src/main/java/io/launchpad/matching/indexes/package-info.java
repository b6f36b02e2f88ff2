/**
 * The matching indexes and what they store: the Elasticsearch connection, index templates
 * and aliases, and the sentence embeddings computed in-process.
 */
@NullMarked
package io.launchpad.matching.indexes;

import org.jspecify.annotations.NullMarked;
