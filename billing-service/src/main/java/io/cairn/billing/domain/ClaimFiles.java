package io.cairn.billing.domain;

import io.cairn.billing.x12.Claim837;
import io.cairn.billing.x12.X12Reading;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Writes a run's claims to a payer as its 837 and keeps the file. A file is read back against its guide's layout
 * before it is kept: one that does not validate is a defect here, and nothing of the run is kept.
 */
@ApplicationScoped
public class ClaimFiles {

    private final BillingProvider clinic;
    private final Diagnoses diagnoses;
    private final ClinicCalendar calendar;
    private final InterchangeNumbers numbers;

    ClaimFiles(BillingProvider clinic, Diagnoses diagnoses, ClinicCalendar calendar, InterchangeNumbers numbers) {
        this.clinic = clinic;
        this.diagnoses = diagnoses;
        this.calendar = calendar;
        this.numbers = numbers;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    ClaimFile write(Payer payer, List<Claim> claims) {
        List<Claim837.ClaimLines> lines = claims.stream().map(claim -> new Claim837.ClaimLines(claim.claimNumber,
                Coverage.<Coverage> findById(claim.coverageId), diagnoses.of(claim.patientId), claim.charges()))
                .toList();
        long control = numbers.next();
        String content = Claim837.write(clinic, payer, control, LocalDateTime.ofInstant(calendar.now(),
                calendar.zone()), lines);
        List<String> errors = X12Reading.errors(content, X12Reading.schema(Claim837.schema(payer.claimForm)));
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The " + Claim837.guide(payer.claimForm) + " file written for payer "
                    + payer.payerCode + " does not validate: " + errors);
        }
        ClaimFile file = new ClaimFile();
        file.id = UUID.randomUUID();
        file.payerId = payer.id;
        file.claimForm = payer.claimForm;
        file.controlNumber = control;
        file.content = content;
        file.persist();
        claims.forEach(claim -> claim.fileId = file.id);
        return file;
    }

    @Transactional
    public ClaimFile get(UUID id) {
        ClaimFile file = ClaimFile.findById(id);
        if (file == null) {
            throw new ResourceNotFoundException("ClaimFile", id);
        }
        return file;
    }

    @Transactional
    public List<Claim> claimsIn(UUID fileId) {
        return Claim.<Claim> find("fileId = ?1 order by patientId, firstDay", fileId).list();
    }
}
