/**
 * Notifications: recorded events fanned out to people, the in-app feed, emails and
 * digests, alert preferences and saved searches.
 */
@NullMarked
package io.launchpad.api.notification;

import org.jspecify.annotations.NullMarked;
