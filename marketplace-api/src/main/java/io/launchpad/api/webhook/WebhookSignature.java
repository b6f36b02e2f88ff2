package io.launchpad.api.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How deliveries are signed, and how a partner checks them: HMAC-SHA256 with the
 * endpoint's secret over {@code "<timestamp>.<body>"}, sent as
 * {@code Launchpad-Signature: t=<timestamp>,v1=<hex>}. The timestamp is signed too, so a
 * captured call cannot be replayed outside the window.
 */
public final class WebhookSignature {

    public static final String HEADER = "Launchpad-Signature";

    public static final Duration WINDOW = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    public static String header(String secret, Instant timestamp, String body) {
        return "t=" + timestamp.getEpochSecond() + ",v1=" + hmac(secret, timestamp.getEpochSecond() + "." + body);
    }

    /**
     * True when the header was made with this secret over this body, within the window of
     * {@code now}.
     */
    public static boolean verify(String secret, String header, String body, Instant now) {
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            }
            else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null
                || Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(WINDOW) > 0) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
