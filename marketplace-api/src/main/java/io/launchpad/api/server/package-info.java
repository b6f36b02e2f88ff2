/**
 * The HTTP server's own edges, below Spring: requests Reactor Netty or Netty refuse
 * before any handler runs (unreadable request targets, over-long lines, oversized
 * headers) are answered with problems too, and kept-alive connections are never left
 * waiting.
 */
@NullMarked
package io.launchpad.api.server;

import org.jspecify.annotations.NullMarked;
