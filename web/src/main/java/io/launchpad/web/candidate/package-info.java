/** A candidate's profile pages, and their matched roles and applications. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.candidate;
