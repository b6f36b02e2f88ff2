package io.launchpad.api.server;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Works around reactor/reactor-netty#4361 (present in 1.3.6, fixed after 1.3.7): when a
 * kept-alive request arrives before the previous exchange has been torn down, Reactor
 * Netty queues it; if the queued request is then answered synchronously (a 401 for a bad
 * token, a firewall 400), the queue is drained re-entrantly and no further read is
 * requested, so the connection's next request is never read. Starting every exchange in
 * the event loop's next task means no answer completes inside that drain. Remove once the
 * mirror serves a Reactor Netty with the fix.
 */
final class KeepAliveReads {

    private KeepAliveReads() {
    }

    static Mono<Void> handleInNextTask(Mono<Void> handling, Connection connection) {
        return Mono.<Void>create(next -> connection.channel().eventLoop().execute(next::success)).then(handling);
    }

}
