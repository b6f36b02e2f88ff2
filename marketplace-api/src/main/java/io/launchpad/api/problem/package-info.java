/**
 * Errors as {@code application/problem+json}: the catalogue of problem types and the
 * handlers that write them.
 */
@NullMarked
package io.launchpad.api.problem;

import org.jspecify.annotations.NullMarked;
