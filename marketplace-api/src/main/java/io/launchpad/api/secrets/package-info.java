/** Refusing to start without the secrets production needs. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.secrets;
