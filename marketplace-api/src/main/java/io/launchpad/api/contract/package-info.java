/** The OpenAPI document the API serves, and the deprecation headers of deprecated aliases. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.contract;
