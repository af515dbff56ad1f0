package io.cairn.intake.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ConsentStatus;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.intake.api.ConsentRequest;
import io.cairn.intake.domain.subscription.Notifications;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Part2Consents;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives and revokes Part 2 consents, tells the other services through {@code intake.consent.changed}, and answers
 * whether a recipient may have a patient's records today.
 */
@ApplicationScoped
public class Consents implements Part2Consents {

    static final String RESOURCE = "consent";

    private final Patients patients;
    private final PatientAccess access;
    private final Outbox outbox;

    private final ClinicCalendar calendar;
    private final Notifications notifications;

    Consents(Patients patients, PatientAccess access, Outbox outbox, ClinicCalendar calendar,
            Notifications notifications) {
        this.notifications = notifications;
        this.calendar = calendar;
        this.patients = patients;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public Consent give(ConsentRequest request) {
        patients.find(request.patientId());
        LocalDate effectiveFrom = request.effectiveFrom() != null ? request.effectiveFrom() : calendar.today();
        if (request.expiresOn() != null && request.expiresOn().isBefore(effectiveFrom)) {
            throw new InvalidRequestException("expiresOn", "must not be before effectiveFrom");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.patientId = request.patientId();
        consent.recipient = request.recipient().strip();
        consent.purpose = request.purpose();
        consent.recordCategories = request.recordCategories().stream().distinct().map(Enum::name)
                .toArray(String[]::new);
        consent.effectiveFrom = effectiveFrom;
        consent.expiresOn = request.expiresOn();
        consent.status = ConsentStatus.ACTIVE;
        consent.givenAt = Instant.now();
        consent.persist();
        access.wrote("create", RESOURCE, consent.id, consent.patientId);
        publish(consent);
        return consent;
    }

    @Transactional
    public Consent revoke(UUID id, String reason) {
        Consent consent = find(id);
        consent.revoke(reason);
        access.wrote("revoke", RESOURCE, id, consent.patientId);
        notifications.revoked(consent);
        publish(consent);
        return consent;
    }

    @Transactional
    public Consent get(UUID id) {
        Consent consent = find(id);
        access.read(RecordCategory.DEMOGRAPHICS, RESOURCE, id, consent.patientId);
        return consent;
    }

    @Transactional
    public List<Consent> ofPatient(UUID patientId) {
        List<Consent> consents = ofPatientUnread(patientId);
        recordRead(consents);
        return consents;
    }

    /**
     * The patient's consents, once the caller may read the patient, without recording that any was read: a search
     * records those it answers ({@link #recordRead}).
     */
    @Transactional
    public List<Consent> ofPatientUnread(UUID patientId) {
        patients.get(patientId);
        return Consent.list("patientId", Sort.descending("givenAt"), patientId);
    }

    /** Records that the caller read these consents. */
    @Transactional
    public void recordRead(List<Consent> consents) {
        consents.forEach(c -> access.read(RecordCategory.DEMOGRAPHICS, RESOURCE, c.id, c.patientId));
    }

    @Override
    @Transactional
    public Optional<UUID> consentFor(UUID patientId, String recipient, RecordCategory category) {
        return Consent.releasing(patientId, recipient, category, calendar.today()).map(c -> c.id);
    }

    private Consent find(UUID id) {
        Consent consent = Consent.findById(id);
        if (consent == null) {
            throw new ResourceNotFoundException("Consent", id);
        }
        return consent;
    }

    /**
     * Tells the other services, with the consent's revision: its version once written (0 when given), plus one. The
     * consumers order a consent's changes by it, not by the time, which each intake replica reads off its own clock.
     */
    private void publish(Consent consent) {
        Consent.flush();
        outbox.publish(new ConsentChanged(consent.id, consent.patientId, consent.recipient, consent.purpose,
                consent.categories(), consent.status, consent.effectiveFrom, consent.expiresOn, Instant.now(),
                consent.version + 1L));
    }
}
