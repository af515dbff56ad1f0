package io.cairn.billing.domain;

import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.audit.AuditEntry;
import io.cairn.kit.audit.AuditLog;
import io.cairn.kit.audit.AuditOutcome;
import io.cairn.kit.consent.ConsentProjection;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims a payer's open charges. A claim discloses the patient's attendance to the payer, so under 42 CFR Part 2 it
 * needs the patient's consent for payment naming that payer (its payer code as the recipient) and releasing
 * attendance; a patient without one gets no claim, and the run says why. Each claim is a disclosure, audited with the
 * consent it rests on.
 */
@ApplicationScoped
public class Claims {

    /**
     * What a claim discloses: who the patient is and their insurance, the days attended, and the diagnoses. A consent
     * for payment must release all three.
     */
    static final List<RecordCategory> DISCLOSED = List.of(RecordCategory.DEMOGRAPHICS, RecordCategory.ATTENDANCE,
            RecordCategory.ASSESSMENTS);
    /** Service lines a claim may carry: 50 on an 837P (loop 2400), 999 on an 837I. */
    static final int PROFESSIONAL_LINES = 50;
    static final int INSTITUTIONAL_LINES = 999;

    /** A patient whose charges were not claimed, and why. */
    public record Held(UUID patientId, int charges, String reason) {
    }

    /** What a run claimed, the file it sent them in (none when it claimed nothing), and what it held back. */
    public record Run(List<Claim> claims, UUID fileId, List<Held> held) {
    }

    private final EntityManager entities;
    private final Charges charges;
    private final ConsentProjection consents;
    private final Diagnoses diagnoses;
    private final ClaimFiles files;
    private final AuditLog audit;

    Claims(EntityManager entities, Charges charges, ConsentProjection consents, Diagnoses diagnoses, ClaimFiles files,
            AuditLog audit) {
        this.entities = entities;
        this.charges = charges;
        this.consents = consents;
        this.diagnoses = diagnoses;
        this.files = files;
        this.audit = audit;
    }

    /** Claims every open charge of the payer's up to {@code through}, one claim per patient and coverage. */
    @Transactional
    public Run claim(UUID payerId, LocalDate through, String by) {
        Payer payer = Payer.findById(payerId);
        if (payer == null) {
            throw new InvalidRequestException("payerId", "no such payer");
        }
        // Before any patient: a copy of the consents not known to be current claims for nobody (503).
        consents.requireCurrent();
        // The patients alone: their charges are read again under each one's lock, never from this snapshot.
        List<UUID> patients = entities.createQuery("select distinct c.patientId from Charge c where c.payerId = ?1 "
                + "and c.status = ?2 and c.serviceDate <= ?3 order by c.patientId", UUID.class).setParameter(1, payerId)
                .setParameter(2, ChargeStatus.OPEN).setParameter(3, through).getResultList();
        List<Claim> claims = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        for (UUID patient : patients) {
            // Under the patient's lock, so that a correction cannot void a charge while it is claimed. Never waited
            // for: the attendance consumer locks patients in its own order, and a run that waited could deadlock it.
            if (!charges.tryLockPatient(patient)) {
                held.add(new Held(patient, (int) Charge.count("patientId = ?1 and payerId = ?2 and status = ?3 "
                        + "and serviceDate <= ?4", patient, payerId, ChargeStatus.OPEN, through),
                        "The patient's attendance or coverage was being recorded: run again"));
                continue;
            }
            List<Charge> open = Charge.<Charge> find("patientId = ?1 and payerId = ?2 and status = ?3 "
                    + "and serviceDate <= ?4 order by coverageId, serviceDate", patient, payerId, ChargeStatus.OPEN,
                    through).list();
            if (open.isEmpty()) {
                continue;
            }
            Optional<String> missing = missing(patient, open);
            if (missing.isPresent()) {
                held.add(new Held(patient, open.size(), missing.get()));
                continue;
            }
            Optional<UUID> consent = consents.consentFor(patient, payer.payerCode, ConsentPurpose.PAYMENT, DISCLOSED);
            if (consent.isEmpty()) {
                held.add(new Held(patient, open.size(), "No active Part 2 consent of the patient's lets their "
                        + "demographics, attendance and assessments go to " + payer.name + " (recipient "
                        + payer.payerCode + ") for payment"));
                continue;
            }
            int lines = payer.claimForm == ClaimForm.PROFESSIONAL ? PROFESSIONAL_LINES : INSTITUTIONAL_LINES;
            List<Charge> lot = new ArrayList<>();
            for (Charge charge : open) {
                if (!lot.isEmpty() && (lot.size() == lines || !lot.get(0).coverageId.equals(charge.coverageId))) {
                    claims.add(claim(lot, payer, consent.get(), by));
                    lot = new ArrayList<>();
                }
                lot.add(charge);
            }
            claims.add(claim(lot, payer, consent.get(), by));
        }
        UUID file = claims.isEmpty() ? null : files.write(payer, claims).id;
        return new Run(claims, file, held);
    }

    /** What a claim of these charges would lack: the diagnoses it carries, or its coverage's subscriber. */
    private Optional<String> missing(UUID patient, List<Charge> open) {
        if (diagnoses.of(patient).isEmpty()) {
            return Optional.of("No diagnosis is recorded for the patient's claims: a clinician records their "
                    + "ICD-10-CM diagnoses first (PUT /api/v1/diagnoses/{patientId})");
        }
        return open.stream().map(charge -> charge.coverageId).distinct()
                .map(id -> Coverage.<Coverage> findById(id)).filter(coverage -> !coverage.namesItsSubscriber())
                .findFirst().map(coverage -> "Coverage " + coverage.id + " was entered without the subscriber's "
                        + "name, birth date, sex and address, which a claim needs: enter it again with them");
    }

    private Claim claim(List<Charge> lines, Payer payer, UUID consent, String by) {
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.claimNumber = claim.id.toString().replace("-", "").substring(0, 20).toUpperCase();
        claim.patientId = lines.get(0).patientId;
        claim.coverageId = lines.get(0).coverageId;
        claim.payerId = payer.id;
        claim.claimForm = payer.claimForm;
        claim.consentId = consent;
        claim.firstDay = lines.get(0).serviceDate;
        claim.lastDay = lines.get(lines.size() - 1).serviceDate;
        claim.total = lines.stream().map(line -> line.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        claim.createdBy = by;
        claim.persist();
        for (Charge line : lines) {
            line.status = ChargeStatus.CLAIMED;
            line.claimId = claim.id;
        }
        audit.record(new AuditEntry("disclose", "Claim", claim.id.toString(), claim.patientId, AuditOutcome.SUCCESS));
        return claim;
    }

    @Transactional
    public List<Claim> ofPatient(UUID patientId) {
        return Claim.<Claim> find("patientId = ?1 order by createdAt, firstDay", patientId).list();
    }

    @Transactional
    public Claim get(UUID id) {
        Claim claim = Claim.findById(id);
        if (claim == null) {
            throw new ResourceNotFoundException("Claim", id);
        }
        return claim;
    }
}
