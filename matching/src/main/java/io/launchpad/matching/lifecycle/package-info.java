/**
 * Operating the matching indexes: a full reindex without downtime, one at a time across
 * instances, and the consistency check against the system of record.
 */
@NullMarked
package io.launchpad.matching.lifecycle;

import org.jspecify.annotations.NullMarked;
