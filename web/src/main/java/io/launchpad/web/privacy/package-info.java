/** A person's data rights: download, consents, erasure, and the audit log of their candidate data. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.privacy;
