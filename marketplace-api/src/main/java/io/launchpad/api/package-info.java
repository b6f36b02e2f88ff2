/** The marketplace API application and its shared beans. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api;
