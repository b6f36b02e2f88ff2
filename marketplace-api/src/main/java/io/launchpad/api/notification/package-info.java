/**
 * Notifications: recorded events fanned out to people, the in-app feed, emails and digests, alert preferences and
 * saved searches.
 */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.notification;
