/** Correlation ids, the dependencies' health, and the metrics an operator watches. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.observability;
