/** Board roles an association posts, and matching between board roles and candidates. */
@NullMarked
package io.launchpad.api.board;

import org.jspecify.annotations.NullMarked;
