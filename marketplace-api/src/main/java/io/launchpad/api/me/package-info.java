/** Who the token belongs to and which organisations they act for. */
@NullMarked
package io.launchpad.api.me;

import org.jspecify.annotations.NullMarked;
