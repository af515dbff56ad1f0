package io.cairn.worklist.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Set;

/** How a person closed a task. A safety alert names what was done for the patient's safety. */
public enum TaskOutcome {
    @JsonProperty("safety-plan-made")
    SAFETY_PLAN_MADE,
    @JsonProperty("crisis-referral")
    CRISIS_REFERRAL,
    @JsonProperty("emergency-services")
    EMERGENCY_SERVICES,
    @JsonProperty("not-reached")
    NOT_REACHED,
    /** Any other task: the work is done. */
    @JsonProperty("done")
    DONE,
    /** Closed by itself when the work was done where it lives. */
    @JsonProperty("work-recorded")
    WORK_RECORDED;

    static final Set<TaskOutcome> FOR_SAFETY = EnumSet.of(SAFETY_PLAN_MADE, CRISIS_REFERRAL, EMERGENCY_SERVICES,
            NOT_REACHED);

    /** The outcomes a person may give a task of {@code kind}. */
    public static Set<TaskOutcome> allowedFor(TaskKind kind) {
        return switch (kind) {
            case SAFETY_ALERT -> FOR_SAFETY;
            case ESCALATION -> EnumSet.of(SAFETY_PLAN_MADE, CRISIS_REFERRAL, EMERGENCY_SERVICES, NOT_REACHED, DONE);
            default -> EnumSet.of(DONE, NOT_REACHED);
        };
    }
}
