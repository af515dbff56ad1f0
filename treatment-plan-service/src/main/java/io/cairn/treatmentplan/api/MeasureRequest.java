package io.cairn.treatmentplan.api;

import io.cairn.screeners.ScreenerCode;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeasureRequest", example = """
        {"instrument":"PHQ-9","answers":{"1":1,"2":1,"3":2,"4":1,"5":1,"6":1,"7":1,"8":1,"9":0}}""")
public record MeasureRequest(
        @NotNull @Schema(description = "PHQ-9, GAD-7, AUDIT or DAST-10 (the C-SSRS is asked by a clinician at assessment: 400)") ScreenerCode instrument,
        @NotNull @Schema(description = "Item number (from 1) to the answer's value, as intake's screener catalogue gives them") Map<Integer, Integer> answers) {
}
