package io.cairn.treatmentplan.api;

import io.cairn.screeners.ScreenerCode;
import io.cairn.treatmentplan.domain.measures.Measures;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DueMeasure", example = """
        {"instrument":"PHQ-9","dueOn":"2026-12-14","everyDays":7,"lastTakenOn":"2026-12-07"}""")
public record DueMeasureView(
        @Schema(description = "The screener to answer; its items are in intake's catalogue, /api/v1/screeners") ScreenerCode instrument,
        LocalDate dueOn,
        @Schema(description = "How often the plan re-screens it") int everyDays,
        @Schema(nullable = true, description = "When it was last taken under the plan; none when never") LocalDate lastTakenOn) {

    public static DueMeasureView of(Measures.Due due) {
        return new DueMeasureView(due.instrument(), due.dueOn(), due.everyDays(), due.lastTakenOn());
    }
}
