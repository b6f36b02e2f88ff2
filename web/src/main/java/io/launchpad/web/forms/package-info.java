/** Reading HTML form fields, and showing the API's refusals on the form. */
@NullMarked
package io.launchpad.web.forms;

import org.jspecify.annotations.NullMarked;
