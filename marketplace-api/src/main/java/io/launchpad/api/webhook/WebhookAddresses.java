package io.launchpad.api.webhook;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Which URLs a webhook may call: https to a public address. Checked when an endpoint is
 * registered and again before every call (a name can be pointed somewhere else later).
 */
final class WebhookAddresses {

    private final boolean allowLocal;

    WebhookAddresses(boolean allowLocal) {
        this.allowLocal = allowLocal;
    }

    /**
     * The URL, when it may be registered; a 422 naming {@code url} and the rule
     * otherwise.
     */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        }
        catch (URISyntaxException e) {
            throw refused("valid-url", "must be a full URL such as https://partner.example/launchpad");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw refused("valid-url", "must be a full URL such as https://partner.example/launchpad");
        }
        if (uri.getUserInfo() != null) {
            throw refused("no-credentials", "must not carry a user name or password; deliveries are signed instead");
        }
        boolean loopback = isLoopbackName(uri.getHost());
        if (!"https".equalsIgnoreCase(uri.getScheme())
                && !(allowLocal && loopback && "http".equalsIgnoreCase(uri.getScheme()))) {
            throw refused("https", "must use https");
        }
        String problem = addressProblem(uri.getHost());
        if (problem != null) {
            throw refused("public-address", problem);
        }
        return uri;
    }

    /**
     * Why the host may not be called now (null when it may): it does not resolve, or
     * resolves inside our network.
     */
    @Nullable String addressProblem(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        }
        catch (UnknownHostException | RuntimeException e) {
            return "must name a host that can be found (" + host + " cannot)";
        }
        if (allowLocal) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)
                    || isCarrierGradeNat(address)) {
                return "must reach a public address, not a private or local one";
            }
        }
        return null;
    }

    private static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    /** fc00::/7, IPv6's private range, which InetAddress does not call site-local. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10, shared address space inside providers' networks. */
    private static boolean isCarrierGradeNat(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }

    private static ApiProblem refused(String rule, String message) {
        return ApiProblem.field(ProblemType.WEBHOOK_URL_REFUSED, "url", rule, message);
    }

}
