/** The landing page, and where each signed-in person starts. */
@NullMarked
package io.launchpad.web.home;

import org.jspecify.annotations.NullMarked;
