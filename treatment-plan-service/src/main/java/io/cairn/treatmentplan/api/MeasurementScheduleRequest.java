package io.cairn.treatmentplan.api;

import io.cairn.treatmentplan.domain.measures.MeasurementSchedule.Entry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeasurementScheduleRequest", example = """
        {"entries":[{"instrument":"PHQ-9","everyDays":14},{"instrument":"AUDIT","everyDays":28}]}""")
public record MeasurementScheduleRequest(
        @NotEmpty @Size(max = 4) @Schema(description = "Each re-screened instrument once: those left out are not re-screened") List<@Valid @NotNull Entry> entries) {
}
