/** The audit log of who viewed or changed a candidate's data. */
@NullMarked
package io.launchpad.api.audit;

import org.jspecify.annotations.NullMarked;
