/**
 * The challenge pages: the list and keyword search, a challenge's page, drafting,
 * following and matched suppliers.
 */
@NullMarked
package io.launchpad.web.challenge;

import org.jspecify.annotations.NullMarked;
