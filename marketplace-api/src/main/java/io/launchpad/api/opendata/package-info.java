/** Open data: published challenges, awards and pilots as OCDS releases and records, and as CSV. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.opendata;
