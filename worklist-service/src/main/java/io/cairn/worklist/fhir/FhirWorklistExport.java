package io.cairn.worklist.fhir;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.bulk.BulkExportSource;
import io.cairn.worklist.domain.CareTask;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The care team's worklist for a Bulk Data export, as Tasks: staff only, as its FHIR reads are. (An EHR's export of
 * Task holds the aftercare follow-ups alone.)
 */
@ApplicationScoped
public class FhirWorklistExport implements BulkExportSource {

    @Override
    public Set<String> exportedTypes() {
        return Set.of("Task");
    }

    @Override
    public Set<String> staffOnlyTypes() {
        return exportedTypes();
    }

    @Override
    public Stream<Exported> export(Set<String> types, Instant since) {
        Stream<CareTask> tasks = BulkExportSource.changedSince(CareTask.class, since);
        // Staff may read every category; the one named here is never checked against a consent.
        return tasks.map(task -> new Exported(task.patientId, RecordCategory.DEMOGRAPHICS,
                FhirTasks.toFhir(task)));
    }
}
