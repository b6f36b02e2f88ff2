/** Clarification questions on challenges, and the answers an association publishes. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.question;
