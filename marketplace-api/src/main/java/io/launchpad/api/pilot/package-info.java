/**
 * Pilots an award creates, run to completion, and the completed-pilot evidence matching
 * reads.
 */
@NullMarked
package io.launchpad.api.pilot;

import org.jspecify.annotations.NullMarked;
