/** A correlation id per page request, sent on the API calls it makes. */
@NullMarked
package io.launchpad.web.observability;

import org.jspecify.annotations.NullMarked;
