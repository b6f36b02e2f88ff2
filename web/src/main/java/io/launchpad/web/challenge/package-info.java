/** The challenge pages: the list and keyword search, a challenge's page, drafting, following and matched suppliers. */
@org.jspecify.annotations.NullMarked
package io.launchpad.web.challenge;
