/** Errors as {@code application/problem+json}: the catalogue of problem types and the handlers that write them. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.problem;
