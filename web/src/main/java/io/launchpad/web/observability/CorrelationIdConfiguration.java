package io.launchpad.web.observability;

import io.launchpad.infra.correlation.CorrelationIdFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One correlation id per page request, the same one the API logs (infra/correlation): it
 * is sent on each API call ({@code CorrelationIdFilter.onApiCalls()} in the API client),
 * where the API adopts it. The web's access lines go to {@code io.launchpad.web.access}.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationIdConfiguration {

    @Bean
    CorrelationIdFilter correlationIds() {
        return new CorrelationIdFilter("io.launchpad.web.access");
    }

}
