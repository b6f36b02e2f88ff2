/** The web front end application, a client of the Launchpad API. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web;
