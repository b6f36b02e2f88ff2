/**
 * Administrators hiding and restoring content, with the reason and the trail of who did
 * it.
 */
@NullMarked
package io.launchpad.api.moderation;

import org.jspecify.annotations.NullMarked;
