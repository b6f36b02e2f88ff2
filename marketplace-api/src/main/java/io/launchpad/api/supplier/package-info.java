/** Supplier profiles, their moderation, and the challenges matched to them. */
@NullMarked
package io.launchpad.api.supplier;

import org.jspecify.annotations.NullMarked;
