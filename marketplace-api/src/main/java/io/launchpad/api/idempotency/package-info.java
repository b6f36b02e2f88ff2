/**
 * {@code Idempotency-Key} on every POST: a retry with the same key gets the first
 * response back.
 */
@NullMarked
package io.launchpad.api.idempotency;

import org.jspecify.annotations.NullMarked;
