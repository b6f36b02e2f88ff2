/** The admin console and the moderation pages. */
@NullMarked
package io.launchpad.web.admin;

import org.jspecify.annotations.NullMarked;
