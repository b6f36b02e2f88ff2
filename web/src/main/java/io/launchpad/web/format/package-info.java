/** Dates and code labels as every page writes them. */
@NullMarked
package io.launchpad.web.format;

import org.jspecify.annotations.NullMarked;
