/**
 * Operating the matching indexes: a full reindex without downtime, one at a time across instances, and the
 * consistency check against the system of record.
 */
@org.jspecify.annotations.NullMarked
package io.launchpad.matching.lifecycle;
