/** Applications for board roles, with blind shortlisting. */
@NullMarked
package io.launchpad.api.application;

import org.jspecify.annotations.NullMarked;
