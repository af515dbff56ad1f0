package io.cairn.screeners;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The standardized screeners an assessment can include, by their published names. */
public enum ScreenerCode {
    @JsonProperty("PHQ-9")
    PHQ_9("PHQ-9"),
    @JsonProperty("GAD-7")
    GAD_7("GAD-7"),
    @JsonProperty("AUDIT")
    AUDIT("AUDIT"),
    @JsonProperty("DAST-10")
    DAST_10("DAST-10"),
    @JsonProperty("C-SSRS")
    C_SSRS("C-SSRS");

    private final String label;

    ScreenerCode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The screener a published name names, e.g. {@code PHQ-9}. */
    public static java.util.Optional<ScreenerCode> ofLabel(String label) {
        return java.util.Arrays.stream(values()).filter(code -> code.label.equals(label)).findFirst();
    }
}
