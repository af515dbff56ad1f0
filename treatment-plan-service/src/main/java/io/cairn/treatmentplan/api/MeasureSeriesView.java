package io.cairn.treatmentplan.api;

import io.cairn.screeners.ScreenerCode;
import io.cairn.treatmentplan.domain.measures.Measures;
import io.cairn.treatmentplan.domain.measures.ReliableChange;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeasureSeries", example = """
        {"instrument":"PHQ-9","baseline":12,"latest":18,"change":6,"reliableChange":"worse","measures":[]}""")
public record MeasureSeriesView(ScreenerCode instrument,
        @Schema(description = "The first score of the series: the assessment's, when it included the instrument") int baseline,
        int latest,
        @Schema(description = "latest - baseline; higher scores are worse on every instrument") int change,
        @Schema(nullable = true, description = "Whether the change exceeds the instrument's reliable-change threshold (PHQ-9: 5 points, GAD-7: 4); none for an instrument without one") ReliableChange reliableChange,
        @Schema(description = "Oldest first") List<MeasureView> measures) {

    public static MeasureSeriesView of(Measures.Series series) {
        return new MeasureSeriesView(ScreenerCode.ofLabel(series.instrument()).orElseThrow(), series.baseline(),
                series.latest(), series.change(),
                series.reliableChange(), series.measures().stream().map(MeasureView::of).toList());
    }
}
