/** Organisations, their members and invitations, their register numbers, and their verification by an admin. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.organisation;
