/** The demo marketplace and the Digital on Board demo, loaded through the services the API uses. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.demo;
