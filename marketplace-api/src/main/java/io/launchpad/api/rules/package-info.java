/** Domain rules a value breaks, said without depending on the web layer. */
@NullMarked
package io.launchpad.api.rules;

import org.jspecify.annotations.NullMarked;
