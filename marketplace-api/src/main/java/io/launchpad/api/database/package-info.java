/** Reading R2DBC query results to the end before their rows are handed on. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.database;
