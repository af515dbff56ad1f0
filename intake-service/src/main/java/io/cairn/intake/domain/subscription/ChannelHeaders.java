package io.cairn.intake.domain.subscription;

import io.cairn.kit.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The headers a client has sent with each POST to its endpoint, such as its own {@code Authorization}. They are
 * credentials: a read shows each as {@code Name: ***}, and an update that sends that back keeps the value held.
 */
public final class ChannelHeaders {

    public static final String MASK = "***";
    static final int MAX = 10;

    /** RFC 9110: a token for the name; visible characters with inner spaces for the value. */
    private static final Pattern HEADER = Pattern.compile(
            "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}:[ \\t]*[\\x21-\\x7E](?:[\\x20-\\x7E\\t]{0,2046}[\\x21-\\x7E])?[ \\t]*$");
    /** Headers the sender sets itself, or that HTTP reserves, which a client may not set. */
    private static final List<String> RESERVED = List.of("content-type", "content-length", "host", "cairn-signature",
            "transfer-encoding", "connection", "expect", "upgrade", "te", "trailer", "keep-alive",
            "proxy-connection", "date", "via", "http2-settings");

    private ChannelHeaders() {
    }

    /** Why a client's headers cannot be sent, or empty when they can. */
    public static Optional<String> refusal(List<String> headers) {
        if (headers.size() > MAX) {
            return Optional.of("takes at most " + MAX + " headers");
        }
        for (String header : headers) {
            if (header == null || !HEADER.matcher(header).matches()) {
                return Optional.of("each must be 'Name: value' in visible ASCII");
            }
            if (RESERVED.contains(name(header).toLowerCase(Locale.ROOT))) {
                return Optional.of("may not set " + name(header) + ", which Cairn or HTTP sets");
            }
        }
        return Optional.empty();
    }

    /** Each header as a read shows it: its name, its value masked. */
    public static List<String> masked(String[] headers) {
        return Arrays.stream(headers).map(header -> name(header) + ": " + MASK).toList();
    }

    /** The headers to hold after an update: each masked one keeps the value held under its name. */
    static String[] kept(List<String> requested, String[] held) {
        List<String> kept = new ArrayList<>();
        for (String header : requested) {
            if (!value(header).equals(MASK)) {
                kept.add(header);
                continue;
            }
            String heldHeader = held == null ? null
                    : Arrays.stream(held)
                            .filter(h -> name(h).equalsIgnoreCase(name(header))).findFirst().orElse(null);
            if (heldHeader == null) {
                throw new InvalidRequestException("Subscription.channel.header", name(header)
                        + " has no value held to keep: send its value");
            }
            kept.add(heldHeader);
        }
        return kept.toArray(String[]::new);
    }

    public static String name(String header) {
        return header.substring(0, header.indexOf(':')).strip();
    }

    public static String value(String header) {
        return header.substring(header.indexOf(':') + 1).strip();
    }
}
