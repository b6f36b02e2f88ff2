/** Suppliers' people following open challenges. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.follow;
