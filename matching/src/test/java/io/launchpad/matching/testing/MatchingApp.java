package io.launchpad.matching.testing;

import java.util.ArrayList;
import java.util.List;

import io.launchpad.matching.testing.RealComponents.TestDatabase;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Boot application with nothing but the auto-configurations, as the API embeds
 * matching.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MatchingApp {

    public static ConfigurableApplicationContext start(TestDatabase db, String elasticsearchUrl, String indexPrefix,
            String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off",
                "spring.r2dbc.url=" + db.r2dbcUrl(), "spring.r2dbc.username=" + db.username(),
                "spring.r2dbc.password=" + db.password(), "launchpad.matching.elasticsearch-url=" + elasticsearchUrl,
                "launchpad.matching.index-prefix=" + indexPrefix, "launchpad.matching.request-timeout=3s",
                "launchpad.matching.indexer.poll-interval=200ms"));
        properties.addAll(List.of(extraProperties));
        return new SpringApplicationBuilder(MatchingApp.class).web(WebApplicationType.NONE)
            .properties(properties.toArray(String[]::new))
            .run();
    }

}
