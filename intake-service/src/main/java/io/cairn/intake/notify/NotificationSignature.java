package io.cairn.intake.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Cairn-Signature} header of each notification: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} of the time,
 * a dot and the body, keyed with the subscription's secret. The endpoint recomputes it to know the POST is Cairn's
 * and unchanged, and refuses an old time to stop a replay.
 */
public final class NotificationSignature {

    public static final String HEADER = "Cairn-Signature";

    private NotificationSignature() {
    }

    public static String of(String secret, long epochSecond, byte[] body) {
        return "t=" + epochSecond + ",v1=" + hmac(secret, epochSecond, body);
    }

    static String hmac(String secret, long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSecond + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
