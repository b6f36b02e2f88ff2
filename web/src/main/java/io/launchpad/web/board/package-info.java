/**
 * The Digital on Board pages: board roles, and an association's blind review of matched
 * candidates and applications.
 */
@NullMarked
package io.launchpad.web.board;

import org.jspecify.annotations.NullMarked;
