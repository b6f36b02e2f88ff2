/**
 * Ranking suppliers for a challenge and challenges for a supplier (BM25 and kNN lists fused, then a transparent re-
 * rank with reasons), and faceted search.
 */
@org.jspecify.annotations.NullMarked
package io.launchpad.matching.ranking;
