/** The landing page, and where each signed-in person starts. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.home;
