package io.launchpad.api.ratelimit;

import io.micrometer.common.KeyValues;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Adds {@code route_class} ({@code search}, {@code write}, {@code read}, or {@code other}
 * outside the API) to {@code http.server.requests}, the same classes the rate limits use,
 * so request rate, latency and errors can be read per class without a rule per URI.
 */
@Component
class RouteClassTag extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        var request = Objects.requireNonNull(context.getCarrier(), "a server observation carries its request");
        String path = request.getPath().value();
        String routeClass = path.startsWith("/api/") ? RouteClass.of(request.getMethod(), path).key() : "other";
        return super.getLowCardinalityKeyValues(context).and("route_class", routeClass);
    }

}
