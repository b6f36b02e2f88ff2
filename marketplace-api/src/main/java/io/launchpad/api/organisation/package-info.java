/**
 * Organisations, their members and invitations, their register numbers, and their
 * verification by an admin.
 */
@NullMarked
package io.launchpad.api.organisation;

import org.jspecify.annotations.NullMarked;
