/** The pages the footer links to: accessibility statement, privacy notice, contact. */
@NullMarked
package io.launchpad.web.about;

import org.jspecify.annotations.NullMarked;
