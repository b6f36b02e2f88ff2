/**
 * The client pages read the Launchpad API through, as the current user, and its one kind
 * of failure.
 */
@NullMarked
package io.launchpad.web.api;

import org.jspecify.annotations.NullMarked;
