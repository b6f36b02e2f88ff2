/** Reading HTML form fields, and showing the API's refusals on the form. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.forms;
