/**
 * A supplier's pages: its profile and public page, the challenges matched to it, and its
 * work.
 */
@NullMarked
package io.launchpad.web.supplier;

import org.jspecify.annotations.NullMarked;
