/** Administrators hiding and restoring content, with the reason and the trail of who did it. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.moderation;
