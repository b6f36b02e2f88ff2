/** The confirmation step before an action that cannot be undone. */
@NullMarked
package io.launchpad.web.confirm;

import org.jspecify.annotations.NullMarked;
