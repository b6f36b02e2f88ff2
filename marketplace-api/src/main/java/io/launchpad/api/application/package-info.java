/** Applications for board roles, with blind shortlisting. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.application;
