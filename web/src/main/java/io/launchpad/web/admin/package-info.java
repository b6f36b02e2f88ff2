/** The admin console and the moderation pages. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.admin;
