/** The confirmation step before an action that cannot be undone. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.confirm;
