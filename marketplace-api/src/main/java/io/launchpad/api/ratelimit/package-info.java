/**
 * Rate limits: token buckets per caller and per OAuth client and route class, shared by
 * the instances through PostgreSQL.
 */
@NullMarked
package io.launchpad.api.ratelimit;

import org.jspecify.annotations.NullMarked;
