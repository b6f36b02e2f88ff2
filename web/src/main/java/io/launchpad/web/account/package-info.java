/** The signed-in person's account, and who is signed in as every page header shows it. */
@NullMarked
package io.launchpad.web.account;

import org.jspecify.annotations.NullMarked;
