/**
 * Webhooks: endpoints organisations register for events, and deliveries signed, sent and
 * retried.
 */
@NullMarked
package io.launchpad.api.webhook;

import org.jspecify.annotations.NullMarked;
