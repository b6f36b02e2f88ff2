/**
 * The correlation id both apps give each request, log with every line and pass from the
 * web to the API.
 */
@NullMarked
package io.launchpad.infra.correlation;

import org.jspecify.annotations.NullMarked;
