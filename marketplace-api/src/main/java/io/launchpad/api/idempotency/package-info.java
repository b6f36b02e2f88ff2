/** {@code Idempotency-Key} on every POST: a retry with the same key gets the first response back. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.idempotency;
