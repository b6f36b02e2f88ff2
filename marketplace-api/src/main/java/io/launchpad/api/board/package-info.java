/** Board roles an association posts, and matching between board roles and candidates. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.board;
