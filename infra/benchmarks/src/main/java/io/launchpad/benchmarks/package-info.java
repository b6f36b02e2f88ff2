/** Speed and quality benchmarks of matching, run against real components. */
@NullMarked
package io.launchpad.benchmarks;

import org.jspecify.annotations.NullMarked;
