/** Pilots an award creates, run to completion, and the completed-pilot evidence matching reads. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.pilot;
