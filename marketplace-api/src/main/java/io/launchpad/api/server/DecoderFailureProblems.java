package io.launchpad.api.server;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.problem.ProblemWriter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * Sits right after Netty's HTTP codec and answers a request the codec could not decode
 * (request line too long, headers too large, not HTTP) with a problem, before Reactor
 * Netty would answer it with an empty body. The codec reads nothing more from such a
 * connection, so the answer says {@code Connection: close} and the connection is closed
 * once it is written.
 */
@ChannelHandler.Sharable
final class DecoderFailureProblems extends ChannelInboundHandlerAdapter {

    static final String NAME = "launchpad.decoderFailureProblems";

    private final ProblemWriter problems;

    private final DataSize maxLine;

    private final DataSize maxHeaders;

    DecoderFailureProblems(ProblemWriter problems, DataSize maxLine, DataSize maxHeaders) {
        this.problems = problems;
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            ctx.writeAndFlush(answer(problem(cause))).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private ApiProblem problem(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return ApiProblem.field(ProblemType.URI_TOO_LONG, "uri", "max-length",
                    "the request line (method, path and query) must be at most " + maxLine.toBytes() + " bytes");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return ApiProblem.field(ProblemType.HEADERS_TOO_LARGE, "headers", "max-length",
                    "the request headers must be at most " + maxHeaders.toBytes() + " bytes in all");
        }
        String reason = String.valueOf(cause.getMessage());
        String part = reason.toLowerCase().contains("header") ? "headers" : "request-line";
        return ApiProblem.field(ProblemType.MALFORMED_HTTP, part, "http-syntax", "is not valid HTTP/1.1: " + reason);
    }

    private FullHttpResponse answer(ApiProblem problem) {
        byte[] body = problems.json(problem);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.getStatusCode().value()), Unpooled.wrappedBuffer(body));
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

}
