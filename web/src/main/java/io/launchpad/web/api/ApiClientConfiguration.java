package io.launchpad.web.api;

import io.launchpad.infra.correlation.CorrelationIdFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class ApiClientConfiguration {

    @Bean
    LaunchpadApi launchpadApi(WebClient.Builder builder, ApiProperties properties,
            ReactiveOAuth2AuthorizedClientManager authorizedClientManager) {
        // Relays the signed-in user's own access token (refreshing it when it has
        // expired), so the
        // API applies that user's permissions; without a signed-in user the call goes out
        // anonymous.
        var tokenRelay = new ServerOAuth2AuthorizedClientExchangeFilterFunction(authorizedClientManager);
        tokenRelay.setDefaultOAuth2AuthorizedClient(true);
        WebClient webClient = builder.baseUrl(properties.baseUrl().toString())
            .filter(tokenRelay)
            .filter(CorrelationIdFilter.onApiCalls())
            .build();
        return new LaunchpadApi(webClient, properties.timeout());
    }

}
