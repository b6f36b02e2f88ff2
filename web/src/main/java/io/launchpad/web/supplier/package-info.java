/** A supplier's pages: its profile and public page, the challenges matched to it, and its work. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.supplier;
