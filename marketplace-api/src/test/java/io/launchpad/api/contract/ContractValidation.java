package io.launchpad.api.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriComponentsBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.util.zip.GZIPInputStream;

/**
 * Checks every request the API test suites send, and every response they get, against the
 * COMMITTED contract ({@code docs/openapi.json}): an undocumented parameter, status,
 * header or body shape fails the test that caused it. Registered for every
 * {@code ApiTestBase} through a {@link WebTestClientBuilderCustomizer}, so suites written
 * later are covered without doing anything. Deliberately malformed requests (tests of 4xx
 * answers) are allowed to break the request rules, but their answers must still be
 * documented problems.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContractValidation {

    private static volatile OpenApiInteractionValidator validator;

    @Bean
    WebTestClientBuilderCustomizer contractValidationFilter() {
        return builder -> builder.filter(filter());
    }

    public static Path committedDocument() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/openapi.json");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return here.getParent().resolve("docs/openapi.json");
    }

    static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (ContractValidation.class) {
                if (validator == null) {
                    String spec;
                    try {
                        spec = Files.readString(committedDocument());
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException("docs/openapi.json is missing: run ContractDocumentTest with "
                                + "-Dopenapi.update=true", e);
                    }
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                        // the committed document names the production server; tests talk
                        // to localhost
                        .withBasePathOverride("/")
                        .withLevelResolver(LevelResolver.create()
                            // the JWT is checked by the API itself; the validator cannot
                            // judge it
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .build())
                        .build();
                }
            }
        }
        return validator;
    }

    public static ExchangeFilterFunction filter() {
        return (request, next) -> {
            AtomicReference<byte[]> sent = new AtomicReference<>(new byte[0]);
            ClientRequest capturing = ClientRequest.from(request)
                .body((output, context) -> request.body().insert(new ClientHttpRequestDecorator(output) {
                    @Override
                    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                        return DataBufferUtils.join(body).flatMap(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            sent.set(bytes);
                            return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                        });
                    }
                }, context))
                .build();
            return next.exchange(capturing).flatMap(response -> {
                MediaType type = response.headers().contentType().orElse(null);
                if (type != null && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)) {
                    return Mono.just(response); // an endless stream; its status and
                                                // headers were checked by its own test
                }
                return DataBufferUtils.join(response.body((message, context) -> message.getBody())).map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                }).defaultIfEmpty(new byte[0]).map(bytes -> {
                    check(request, sent.get(), response, bytes);
                    return response.mutate()
                        .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)))
                        .build();
                });
            });
        };
    }

    static byte[] gunzip(byte[] bytes) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(ClientRequest request, byte[] requestBody, ClientResponse response, byte[] responseBody) {
        String path = request.url().getRawPath();
        if (!path.startsWith("/api/v1/") || path.equals("/api/v1/openapi.json")) {
            return;
        }
        int status = response.statusCode().value();
        var requestBuilder = new SimpleRequest.Builder(request.method().name(), path);
        UriComponentsBuilder.fromUri(request.url())
            .build()
            .getQueryParams()
            .forEach((name, values) -> requestBuilder.withQueryParam(name,
                    values.stream().map(v -> v == null ? "" : URLDecoder.decode(v, StandardCharsets.UTF_8)).toList()));
        request.headers().forEach((name, values) -> requestBuilder.withHeader(name, values));
        if (requestBody.length > 0) {
            requestBuilder.withBody(requestBody);
        }
        Request modelRequest = requestBuilder.build();
        var responseBuilder = new SimpleResponse.Builder(status);
        response.headers().asHttpHeaders().forEach((name, values) -> responseBuilder.withHeader(name, values));
        if (responseBody.length > 0) {
            responseBuilder
                .withBody("gzip".equalsIgnoreCase(response.headers().asHttpHeaders().getFirst("Content-Encoding"))
                        ? gunzip(responseBody) : responseBody);
        }
        ValidationReport report = validator().validate(modelRequest, responseBuilder.build());
        boolean deliberateBadRequest = status >= 400 && status < 500;
        boolean sparse = request.url().getRawQuery() != null && request.url().getRawQuery().contains("fields=");
        var errors = report.getMessages()
            .stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            // a test of bad input sends what the contract forbids on purpose; only its
            // answer must conform
            .filter(m -> !(deliberateBadRequest && m.getKey().startsWith("validation.request")))
            // an unknown route answered 404/405 is the API agreeing that it does not
            // exist
            .filter(m -> !((status == 404 || status == 405) && m.getKey().equals("validation.request.path.missing")))
            .filter(m -> !((status == 405) && m.getKey().equals("validation.request.operation.notAllowed")))
            // the validator mis-parses a single value of an array query parameter
            // (?region=north-east)
            // as JSON; the API's own validation covers those values, the response is
            // still checked
            .filter(m -> !m.getKey().equals("validation.request.parameter.schema.invalidJson"))
            // sparse responses leave out properties on purpose
            .filter(m -> !(sparse && m.getMessage().contains("required property")))
            .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("Contract drift on " + request.method() + " " + request.url() + " -> " + status
                    + " (docs/openapi.json):\n"
                    + errors.stream()
                        .map(m -> "  - [" + m.getKey() + "] " + m.getMessage()
                                + m.getContext()
                                    .flatMap(c -> c.getPointers())
                                    .map(p -> " at " + p.getInstance() + " (schema " + p.getSchema() + ")")
                                    .orElse(""))
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse("")
                    + "\nresponse body: " + new String(responseBody, StandardCharsets.UTF_8));
        }
    }

}
