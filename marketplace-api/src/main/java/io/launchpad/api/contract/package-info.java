/**
 * The OpenAPI document the API serves, and the deprecation headers of deprecated aliases.
 */
@NullMarked
package io.launchpad.api.contract;

import org.jspecify.annotations.NullMarked;
