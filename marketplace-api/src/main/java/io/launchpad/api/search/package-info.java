/**
 * Public free-text search with facets, and what the matching endpoints share: their
 * parameters, verdicts and views of matching's records.
 */
@NullMarked
package io.launchpad.api.search;

import org.jspecify.annotations.NullMarked;
