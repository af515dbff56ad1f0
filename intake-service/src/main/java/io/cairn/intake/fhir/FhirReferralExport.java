package io.cairn.intake.fhir;

import io.cairn.intake.domain.Referrals;

import io.cairn.fhir.bulk.BulkExportSource;
import io.cairn.intake.domain.Referral;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

/** Referrals for a Bulk Data export, as ServiceRequests (demographics, as when read one at a time). */
@ApplicationScoped
public class FhirReferralExport implements BulkExportSource {

    @Override
    public Set<String> exportedTypes() {
        return Set.of("ServiceRequest");
    }

    @Override
    public Stream<Exported> export(Set<String> types, Instant since) {
        Stream<Referral> referrals = BulkExportSource.changedSince(Referral.class, since);
        return referrals.map(referral -> new Exported(referral.patientId, Referrals.CATEGORY,
                FhirReferrals.toFhir(referral)));
    }
}
