package io.cairn.treatmentplan.fhir;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.bulk.BulkExportSource;
import io.cairn.screeners.ScreenerCatalogue;
import io.cairn.treatmentplan.domain.measures.Measure;
import io.cairn.treatmentplan.domain.measures.ReScreens.ReScreen;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Re-screens for a Bulk Data export: each as answered (QuestionnaireResponse) and its total (Observation), under the
 * assessments' category, as intake exports the assessment's screeners.
 */
@ApplicationScoped
public class FhirReScreenExport implements BulkExportSource {

    private final ScreenerCatalogue catalogue;

    FhirReScreenExport(ScreenerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Set<String> exportedTypes() {
        return Set.of("QuestionnaireResponse", "Observation");
    }

    @Override
    public Stream<Exported> export(Set<String> types, Instant since) {
        return reScreensTakenAfter(since).flatMap(reScreen -> {
            List<Exported> exported = new ArrayList<>();
            if (types.contains("QuestionnaireResponse")) {
                exported.add(new Exported(reScreen.measure().patientId, RecordCategory.ASSESSMENTS,
                        FhirReScreens.response(reScreen, catalogue)));
            }
            if (types.contains("Observation")) {
                FhirReScreens.totals(reScreen).forEach(total -> exported.add(new Exported(
                        reScreen.measure().patientId, RecordCategory.ASSESSMENTS, total.resource())));
            }
            return exported.stream();
        });
    }

    /**
     * Every measure series in order (a plan's instrument, oldest first), read a page at a time: each re-screen taken
     * after {@code since} (all, when null) with the first score of its series, which an earlier row holds.
     */
    private static Stream<ReScreen> reScreensTakenAfter(Instant since) {
        var series = new Object() {
            String current;
            int firstScore;
        };
        Stream<Measure> measures = BulkExportSource.streamed(
                Measure.<Measure> findAll(Sort.ascending("planId", "instrument", "takenAt", "id")));
        return measures.<ReScreen> mapMulti((measure, next) -> {
            String key = measure.planId + " " + measure.instrument;
            if (!key.equals(series.current)) {
                series.current = key;
                series.firstScore = measure.score;
            }
            if (Measure.RE_SCREEN.equals(measure.source) && (since == null || measure.takenAt.isAfter(since))) {
                next.accept(new ReScreen(measure, series.firstScore));
            }
        });
    }
}
