package io.cairn.aftercare.fhir;

import io.cairn.aftercare.domain.AftercareReferral;
import io.cairn.aftercare.domain.CheckIn;
import io.cairn.aftercare.fhir.FhirTasks.FollowUp;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.bulk.BulkExportSource;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Aftercare for a Bulk Data export: each referral as an EpisodeOfCare and, with its check-ins, as a follow-up Task.
 * Everything is read in two queries; a follow-up changed when its referral or any of its check-ins did, which the
 * export tells by each Task's {@code meta.lastUpdated}.
 */
@ApplicationScoped
public class FhirAftercareExport implements BulkExportSource {

    @Override
    public Set<String> exportedTypes() {
        return Set.of("EpisodeOfCare", "Task");
    }

    @Override
    public Stream<Exported> export(Set<String> types, Instant since) {
        Map<UUID, List<CheckIn>> checkIns = types.contains("Task")
                ? CheckIn.<CheckIn> listAll(Sort.ascending("dueOn")).stream()
                        .collect(Collectors.groupingBy(checkIn -> checkIn.referralId))
                : Map.of();
        return BulkExportSource.<AftercareReferral> streamed(AftercareReferral.findAll(Sort.ascending("createdAt")))
                .flatMap(referral -> {
                    List<Exported> exported = new ArrayList<>();
                    if (types.contains("EpisodeOfCare")) {
                        exported.add(new Exported(referral.patientId, RecordCategory.AFTERCARE,
                                FhirEpisodesOfCare.toFhir(referral)));
                    }
                    if (types.contains("Task")) {
                        exported.add(new Exported(referral.patientId, RecordCategory.AFTERCARE, FhirTasks.toFhir(
                                new FollowUp(referral, checkIns.getOrDefault(referral.id, List.of())))));
                    }
                    return exported.stream();
                });
    }
}
