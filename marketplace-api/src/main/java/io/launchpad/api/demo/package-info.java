/**
 * The demo marketplace and the Digital on Board demo, loaded through the services the API
 * uses.
 */
@NullMarked
package io.launchpad.api.demo;

import org.jspecify.annotations.NullMarked;
