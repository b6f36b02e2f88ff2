/** Who the token belongs to and which organisations they act for. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.me;
