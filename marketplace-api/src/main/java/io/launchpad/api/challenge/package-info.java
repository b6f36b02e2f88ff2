/**
 * Challenges, an association's problem statements, from draft to published and closed;
 * their moderation and the suppliers matched to them.
 */
@NullMarked
package io.launchpad.api.challenge;

import org.jspecify.annotations.NullMarked;
