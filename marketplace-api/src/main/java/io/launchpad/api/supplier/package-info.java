/** Supplier profiles, their moderation, and the challenges matched to them. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.supplier;
