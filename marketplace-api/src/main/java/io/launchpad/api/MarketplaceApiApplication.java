package io.launchpad.api;

import io.launchpad.api.secrets.RequiredSecrets;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MarketplaceApiApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(MarketplaceApiApplication.class);
        app.addListeners(new RequiredSecrets());
        app.run(args);
    }

}
