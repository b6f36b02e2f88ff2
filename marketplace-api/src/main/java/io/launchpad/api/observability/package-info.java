/** Correlation ids, the dependencies' health, and the metrics an operator watches. */
@NullMarked
package io.launchpad.api.observability;

import org.jspecify.annotations.NullMarked;
