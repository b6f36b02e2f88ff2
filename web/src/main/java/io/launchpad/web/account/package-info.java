/** The signed-in person's account, and who is signed in as every page header shows it. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.account;
