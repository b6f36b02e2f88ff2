/** Reading R2DBC query results to the end before their rows are handed on. */
@NullMarked
package io.launchpad.api.database;

import org.jspecify.annotations.NullMarked;
