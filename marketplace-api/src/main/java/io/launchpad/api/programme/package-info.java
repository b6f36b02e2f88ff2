/** Programme figures for admins, computed on request from PostgreSQL. */
@NullMarked
package io.launchpad.api.programme;

import org.jspecify.annotations.NullMarked;
