/** Strict reading and validation of request values: text, dates, single-line fields. */
@NullMarked
package io.launchpad.api.input;

import org.jspecify.annotations.NullMarked;
