/**
 * Public free-text search with facets, and what the matching endpoints share: their parameters, verdicts and views
 * of matching's records.
 */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.search;
