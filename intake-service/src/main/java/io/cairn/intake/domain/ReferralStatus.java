package io.cairn.intake.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/**
 * Where a referral stands: {@code received → screening → assessment-scheduled → admitted}, or it ends as
 * {@code declined} or {@code referred-elsewhere} at any step before admission.
 */
public enum ReferralStatus {
    @JsonProperty("received")
    RECEIVED,
    @JsonProperty("screening")
    SCREENING,
    @JsonProperty("assessment-scheduled")
    ASSESSMENT_SCHEDULED,
    @JsonProperty("admitted")
    ADMITTED,
    @JsonProperty("declined")
    DECLINED,
    @JsonProperty("referred-elsewhere")
    REFERRED_ELSEWHERE;

    public boolean isClosed() {
        return this == ADMITTED || this == DECLINED || this == REFERRED_ELSEWHERE;
    }

    public boolean canMoveTo(ReferralStatus next) {
        return switch (this) {
            case RECEIVED -> Set.of(SCREENING, DECLINED, REFERRED_ELSEWHERE).contains(next);
            case SCREENING -> Set.of(ASSESSMENT_SCHEDULED, DECLINED, REFERRED_ELSEWHERE).contains(next);
            case ASSESSMENT_SCHEDULED -> Set.of(ADMITTED, DECLINED, REFERRED_ELSEWHERE).contains(next);
            case ADMITTED, DECLINED, REFERRED_ELSEWHERE -> false;
        };
    }
}
