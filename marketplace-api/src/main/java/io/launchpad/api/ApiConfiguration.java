package io.launchpad.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class ApiConfiguration {

    /**
     * Rules about dates ("closes after today") read the time from here, so tests can fix
     * it.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
