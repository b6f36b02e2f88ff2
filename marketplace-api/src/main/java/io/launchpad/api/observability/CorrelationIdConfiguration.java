package io.launchpad.api.observability;

import io.launchpad.infra.correlation.CorrelationIdFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request's correlation id, shared with the web (infra/correlation); the API's
 * access lines go to {@code io.launchpad.api.access}.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationIdConfiguration {

    @Bean
    CorrelationIdFilter correlationIds() {
        return new CorrelationIdFilter("io.launchpad.api.access");
    }

}
