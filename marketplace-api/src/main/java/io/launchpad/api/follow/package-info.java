/** Suppliers' people following open challenges. */
@NullMarked
package io.launchpad.api.follow;

import org.jspecify.annotations.NullMarked;
