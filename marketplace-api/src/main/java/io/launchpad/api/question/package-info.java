/** Clarification questions on challenges, and the answers an association publishes. */
@NullMarked
package io.launchpad.api.question;

import org.jspecify.annotations.NullMarked;
