/** Dates and code labels as every page writes them. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.format;
