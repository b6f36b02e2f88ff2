/**
 * Matching's contract, the only package the API uses: both directions of supplier and
 * challenge ranking, board matching, search, the outbox writers, the index lifecycle, and
 * the auto-configuration that wires them.
 */
@NullMarked
package io.launchpad.matching;

import org.jspecify.annotations.NullMarked;
