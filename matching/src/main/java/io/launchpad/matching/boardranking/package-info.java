/**
 * Board matching on Elasticsearch: candidates for a board role and roles for a candidate,
 * found by three fused lists and ordered by a transparent score.
 */
@NullMarked
package io.launchpad.matching.boardranking;

import org.jspecify.annotations.NullMarked;
