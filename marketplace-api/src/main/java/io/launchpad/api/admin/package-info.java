/** Operating the matching indexes and the parked outbox rows, admins only, and the source a reindex streams from. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.admin;
