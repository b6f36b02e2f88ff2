/** Refusing to start without the secrets production needs. */
@NullMarked
package io.launchpad.api.secrets;

import org.jspecify.annotations.NullMarked;
