package io.launchpad.web.account;

import org.springframework.stereotype.Component;

import io.launchpad.web.api.LaunchpadApi;
import reactor.core.publisher.Mono;

/** The signed-in person's account, read from the API with their own token. */
@Component
public class Account {

    private final LaunchpadApi api;

    Account(LaunchpadApi api) {
        this.api = api;
    }

    public Mono<Me> me() {
        return api.get(uri -> uri.path("/api/v1/me").build(), Me.class);
    }

}
