/**
 * Operating the matching indexes and the parked outbox rows, admins only, and the source
 * a reindex streams from.
 */
@NullMarked
package io.launchpad.api.admin;

import org.jspecify.annotations.NullMarked;
