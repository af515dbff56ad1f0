package io.cairn.billing.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The subscriber's sex as the payer has it (DMG03). */
public enum SubscriberSex {
    @JsonProperty("female")
    FEMALE("F"),
    @JsonProperty("male")
    MALE("M"),
    @JsonProperty("unknown")
    UNKNOWN("U");

    public final String code;

    SubscriberSex(String code) {
        this.code = code;
    }
}
