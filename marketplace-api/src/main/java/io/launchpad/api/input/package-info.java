/** Strict reading and validation of request values: text, dates, single-line fields. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.input;
