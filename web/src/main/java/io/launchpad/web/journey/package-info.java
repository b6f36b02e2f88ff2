/**
 * The pages after a challenge is published: questions, responses, evaluation and award,
 * pilots, notifications and programme figures.
 */
@NullMarked
package io.launchpad.web.journey;

import org.jspecify.annotations.NullMarked;
