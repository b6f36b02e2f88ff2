/**
 * An organisation's numbers on public registers: shown on the pages about it, changed by
 * its members.
 */
@NullMarked
package io.launchpad.web.organisation;

import org.jspecify.annotations.NullMarked;
