package io.launchpad.web.about;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The pages every public service links from its footer: the accessibility statement, the
 * privacy notice and how to contact the team. Anyone may read them, signed in or not. The
 * contact address is configuration ({@code launchpad.contact.email}), so each deployment
 * names its own.
 */
@Controller
class AboutPagesController {

    private final String contactEmail;

    private final String apiBaseUrl;

    AboutPagesController(@Value("${launchpad.contact.email:launchpad@example.org}") String contactEmail,
            @Value("${launchpad.api.base-url:http://127.0.0.1:8080}") String apiBaseUrl) {
        this.contactEmail = contactEmail;
        this.apiBaseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
    }

    /**
     * Where to download the open data (issue 14): the API's own addresses, public and
     * without a key.
     */
    @GetMapping("/open-data")
    String openData(Model model) {
        model.addAttribute("api", apiBaseUrl);
        model.addAttribute("today", LocalDate.now(ZoneOffset.UTC).toString());
        return "about/open-data";
    }

    @GetMapping("/accessibility")
    String accessibility(Model model) {
        model.addAttribute("contactEmail", contactEmail);
        return "about/accessibility";
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("contactEmail", contactEmail);
        return "about/privacy";
    }

    @GetMapping("/contact")
    String contact(Model model) {
        model.addAttribute("contactEmail", contactEmail);
        return "about/contact";
    }

}
