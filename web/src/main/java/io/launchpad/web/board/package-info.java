/**
 * The Digital on Board pages: board roles, and an association's blind review of matched candidates and
 * applications.
 */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.board;
