/** The pages the footer links to: accessibility statement, privacy notice, contact. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.about;
