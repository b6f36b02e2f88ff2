/** Domain rules a value breaks, said without depending on the web layer. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.rules;
