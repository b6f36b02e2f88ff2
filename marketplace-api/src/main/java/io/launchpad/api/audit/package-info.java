/** The audit log of who viewed or changed a candidate's data. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.audit;
