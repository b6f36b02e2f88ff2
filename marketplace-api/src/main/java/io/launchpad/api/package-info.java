/** The marketplace API application and its shared beans. */
@NullMarked
package io.launchpad.api;

import org.jspecify.annotations.NullMarked;
