/** Webhooks: endpoints organisations register for events, and deliveries signed, sent and retried. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.webhook;
