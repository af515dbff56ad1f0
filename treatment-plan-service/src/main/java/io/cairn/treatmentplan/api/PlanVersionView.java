package io.cairn.treatmentplan.api;

import io.cairn.treatmentplan.domain.PlanContent;
import io.cairn.treatmentplan.domain.PlanRelease;
import io.cairn.treatmentplan.domain.PlanVersion;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanVersionView", example = """
        {"number":2,"author":"clinician","createdAt":"2026-11-24T15:00:00Z","changeNote":"Added family sessions",
         "content":{"weeklyHours":9,"expectedWeeks":10,"preferredSchedule":"evening","problems":[]}}""")
public record PlanVersionView(int number, String author, Instant createdAt, @Schema(nullable = true) String changeNote,
        PlanContent content) {

    /** The version without what the assessment found, unless the caller may have it ({@link PlanRelease}). */
    public static PlanVersionView of(PlanVersion v, PlanRelease released) {
        return new PlanVersionView(v.number, v.author, v.createdAt, v.changeNote,
                released.screenings() ? v.snapshot : v.snapshot.withoutScreenings());
    }
}
