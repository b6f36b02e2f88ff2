/**
 * The pages after a challenge is published: questions, responses, evaluation and award, pilots, notifications and
 * programme figures.
 */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.journey;
