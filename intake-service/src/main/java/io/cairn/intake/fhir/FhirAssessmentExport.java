package io.cairn.intake.fhir;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.bulk.BulkExportSource;
import io.cairn.intake.domain.assessment.Assessment;
import io.cairn.screeners.ScreenerCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Intake assessments for a Bulk Data export: each screener as answered (QuestionnaireResponse) and its scores
 * (Observation), under the assessments' category.
 */
@ApplicationScoped
public class FhirAssessmentExport implements BulkExportSource {

    private final ScreenerCatalogue catalogue;

    FhirAssessmentExport(ScreenerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Set<String> exportedTypes() {
        return Set.of("QuestionnaireResponse", "Observation");
    }

    @Override
    public Stream<Exported> export(Set<String> types, Instant since) {
        Stream<Assessment> assessments = BulkExportSource.changedSince(Assessment.class, since);
        return assessments.flatMap(assessment -> {
            List<Exported> exported = new ArrayList<>();
            if (types.contains("QuestionnaireResponse")) {
                assessment.screeners.forEach(scored -> exported.add(new Exported(assessment.patientId,
                        RecordCategory.ASSESSMENTS,
                        FhirScreenerResponses.toFhir(assessment, scored, catalogue.get(scored.screener())))));
            }
            if (types.contains("Observation")) {
                FhirScreenerObservations.totals(assessment).forEach(total -> exported.add(new Exported(
                        assessment.patientId, RecordCategory.ASSESSMENTS, FhirScreenerObservations.toFhir(total))));
            }
            return exported.stream();
        });
    }
}
