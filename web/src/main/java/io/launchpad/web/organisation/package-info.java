/** An organisation's numbers on public registers: shown on the pages about it, changed by its members. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.organisation;
