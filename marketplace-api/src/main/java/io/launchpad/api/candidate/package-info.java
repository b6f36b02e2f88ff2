/** Board-candidate profiles, the capability framework they are written in, and their retention. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.candidate;
