/** A correlation id per page request, sent on the API calls it makes. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.observability;
