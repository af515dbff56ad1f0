package io.cairn.treatmentplan.domain;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Hours attended in one ISO week, toward the plan's weekly target. */
@Schema(name = "WeeklyHours", example = """
        {"isoWeek":"2026-W49","hoursAttended":9.5,"sessions":4,"target":9.0,"metTarget":true}""")
public record WeeklyHours(String isoWeek, BigDecimal hoursAttended, long sessions, BigDecimal target,
        boolean metTarget) {
}
