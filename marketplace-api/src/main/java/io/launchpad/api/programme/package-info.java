/** Programme figures for admins, computed on request from PostgreSQL. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.programme;
