/** Speed and quality benchmarks of matching, run against real components. */
@org.jspecify.annotations.NullMarked
package io.launchpad.benchmarks;
