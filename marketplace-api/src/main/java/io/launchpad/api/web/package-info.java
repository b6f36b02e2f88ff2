/**
 * HTTP conventions every feature shares: cursors and pages, ETags and conditional GETs,
 * sparse fields, page limits, row ids, and content negotiation before writes.
 */
@NullMarked
package io.launchpad.api.web;

import org.jspecify.annotations.NullMarked;
