/** A candidate's profile pages, and their matched roles and applications. */
@NullMarked
package io.launchpad.web.candidate;

import org.jspecify.annotations.NullMarked;
