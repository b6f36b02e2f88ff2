/** The client pages read the Launchpad API through, as the current user, and its one kind of failure. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.api;
