package io.cairn.treatmentplan.api;

import io.cairn.screeners.ScreenerCode;
import io.cairn.treatmentplan.domain.measures.Measure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeasureView", example = """
        {"id":"3f0c2a1e-8b7d-4c6a-9e5f-1a2b3c4d5e6f","instrument":"PHQ-9","score":9,"band":"mild","safetyAlert":false,
         "findings":[],"answers":{"1":1,"2":1,"3":2,"4":1,"5":1,"6":1,"7":1,"8":1,"9":0},"source":"re-screen",
         "takenOn":"2026-12-14","takenAt":"2026-12-14T18:05:00Z",
         "recordedBy":"patient-6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10"}""")
public record MeasureView(UUID id,
        @Schema(description = "The screener: PHQ-9, GAD-7, AUDIT or DAST-10") ScreenerCode instrument,
        int score,
        @Schema(description = "The published severity band or risk zone the score falls in") String band,
        @Schema(description = "A clinician must be told at once (PHQ-9 item 9 above 0, C-SSRS high risk)") boolean safetyAlert,
        List<String> findings,
        @Schema(nullable = true, description = "Item number to answer; none for the assessment's baseline, whose answers intake keeps") Map<Integer, Integer> answers,
        @Schema(enumeration = {
                "assessment", "re-screen" }) String source,
        LocalDate takenOn, Instant takenAt, String recordedBy){

    public static MeasureView of(Measure measure) {
        return new MeasureView(measure.id, ScreenerCode.ofLabel(measure.instrument).orElseThrow(), measure.score, measure.band,
                measure.safetyAlert,
                List.of(measure.findings), measure.answers, measure.source, measure.takenOn, measure.takenAt,
                measure.recordedBy);
    }
}
