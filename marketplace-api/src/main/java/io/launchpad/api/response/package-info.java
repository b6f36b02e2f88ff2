/** Suppliers' responses to challenges, and the association's evaluation and award. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.response;
