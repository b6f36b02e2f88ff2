package io.launchpad.api.server;

import io.launchpad.api.problem.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

@Configuration(proxyBeanMethods = false)
class ServerEdgesConfiguration {

    /**
     * Netty's decoder failures (414, 431, malformed HTTP) are answered by a handler of
     * ours right after the codec, before Reactor Netty would answer them with an empty
     * body.
     */
    @Bean
    NettyServerCustomizer decoderFailureProblems(ProblemWriter problems,
            @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxLine,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
        DecoderFailureProblems handler = new DecoderFailureProblems(problems, maxLine, maxHeaders);
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, DecoderFailureProblems.NAME, handler);
            }
        });
    }

    @Bean
    NettyServerCustomizer keepAliveReads() {
        return server -> server.mapHandle(KeepAliveReads::handleInNextTask);
    }

    /**
     * Targets Spring cannot turn into a URI (a lone {@code %}) are refused here;
     * otherwise Spring's Reactor adapter answers them with an empty 400.
     */
    @Bean
    NettyRouteProvider unreadableTargets(ProblemWriter problems) {
        UnreadableTargets targets = new UnreadableTargets(problems);
        return routes -> routes.route(targets::matches, targets::answer);
    }

}
