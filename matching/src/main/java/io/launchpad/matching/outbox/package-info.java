/**
 * The outbox: changes recorded in the caller's transaction, drained into Elasticsearch by
 * the indexer, parked when Elasticsearch keeps rejecting them; and matching's health.
 */
@NullMarked
package io.launchpad.matching.outbox;

import org.jspecify.annotations.NullMarked;
