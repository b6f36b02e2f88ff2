/**
 * Open data: published challenges, awards and pilots as OCDS releases and records, and as
 * CSV.
 */
@NullMarked
package io.launchpad.api.opendata;

import org.jspecify.annotations.NullMarked;
