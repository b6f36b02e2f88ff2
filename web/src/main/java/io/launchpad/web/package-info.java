/** The web front end application, a client of the Launchpad API. */
@NullMarked
package io.launchpad.web;

import org.jspecify.annotations.NullMarked;
