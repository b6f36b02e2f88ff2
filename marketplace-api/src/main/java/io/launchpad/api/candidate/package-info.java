/**
 * Board-candidate profiles, the capability framework they are written in, and their
 * retention.
 */
@NullMarked
package io.launchpad.api.candidate;

import org.jspecify.annotations.NullMarked;
