package io.cairn.intake.domain.subscription;

import java.util.Arrays;
import java.util.Optional;

/** How much of the focus a notification carries (the IG's backport-payload-content). */
public enum PayloadContent {
    /** Only that something happened on the topic. */
    EMPTY("empty"),
    /** The focus's reference, to be read through the FHIR API. */
    ID_ONLY("id-only"),
    /** The focus itself, as the service that keeps it shows it when the notification is sent. */
    FULL_RESOURCE("full-resource");

    private final String code;

    PayloadContent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<PayloadContent> ofCode(String code) {
        return Arrays.stream(values()).filter(content -> content.code.equals(code)).findFirst();
    }
}
