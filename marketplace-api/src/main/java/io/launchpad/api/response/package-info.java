/** Suppliers' responses to challenges, and the association's evaluation and award. */
@NullMarked
package io.launchpad.api.response;

import org.jspecify.annotations.NullMarked;
