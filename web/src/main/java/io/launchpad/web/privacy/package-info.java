/**
 * A person's data rights: download, consents, erasure, and the audit log of their
 * candidate data.
 */
@NullMarked
package io.launchpad.web.privacy;

import org.jspecify.annotations.NullMarked;
