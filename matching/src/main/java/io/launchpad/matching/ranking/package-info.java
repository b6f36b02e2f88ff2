/**
 * Ranking suppliers for a challenge and challenges for a supplier (BM25 and kNN lists
 * fused, then a transparent re- rank with reasons), and faceted search.
 */
@NullMarked
package io.launchpad.matching.ranking;

import org.jspecify.annotations.NullMarked;
