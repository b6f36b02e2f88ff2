package io.launchpad.api.notification;

import java.time.Instant;

/** One entry of a person's in-app feed, as the feed and the live stream send it. */
record NotificationView(long id, String kind, String title, String link, Instant createdAt, Instant readAt) {
}
