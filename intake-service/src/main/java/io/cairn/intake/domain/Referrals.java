package io.cairn.intake.domain;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.intake.api.ReferralRequest;
import io.cairn.intake.domain.subscription.Notifications;
import io.cairn.intake.domain.subscription.SubscriptionTopic;
import io.cairn.kit.api.PageOf;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.cairn.kit.api.Changes;
import io.cairn.kit.api.ListWindow;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Receives referrals, moves them along their pipeline, and opens readmissions after a relapse. */
@ApplicationScoped
public class Referrals {

    static final String RESOURCE = "referral";
    /**
     * What a referral is, under Part 2: intake's clinical record of why and by whom the person came (reason, source,
     * referrer, urgency, a readmission after a relapse), released to an EHR under a consent for assessments, not with
     * the demographics that identify the patient (docs/record-categories.md).
     */
    public static final RecordCategory CATEGORY = RecordCategory.ASSESSMENTS;

    private final Patients patients;
    private final PatientAccess access;
    private final Caller caller;
    private final Outbox outbox;
    private final Notifications notifications;
    private final EhrIdentifierSystems ehrSystems;

    Referrals(Patients patients, PatientAccess access, Caller caller, Outbox outbox, Notifications notifications,
            EhrIdentifierSystems ehrSystems) {
        this.ehrSystems = ehrSystems;
        this.notifications = notifications;
        this.patients = patients;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
    }

    @Transactional
    public Referral receive(ReferralRequest request) {
        if (request.source() == ReferralSource.AFTERCARE_RELAPSE) {
            throw new InvalidRequestException("source", "aftercare-relapse referrals are opened by the platform when "
                    + "aftercare reports a relapse");
        }
        Patient patient = patients.find(request.patientId());
        if (!ehrSystems.callerKnows(patient) && !access.mayRead(patient.id, RecordCategory.DEMOGRAPHICS)) {
            // An EHR refers only a patient it registered or whose consent names it; any other is answered as one
            // that does not exist, so that a referral cannot tell who is in the program.
            throw access.refused("create", "Patient", patient.id, patient.id);
        }
        Referral referral = open(request.patientId(), request.source(), request.reason(), request.urgency(), null,
                caller.name());
        referral.referringOrganization = request.referringOrganization();
        referral.referringContact = request.referringContact();
        access.wrote("create", RESOURCE, referral.id, referral.patientId);
        return referral;
    }

    /**
     * Opens an urgent readmission referral after a relapse, linked to the patient's latest earlier referral. Runs in
     * the consumer's transaction, which also records the relapse event as applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Referral readmit(UUID patientId) {
        patients.find(patientId);
        Optional<Referral> earlier = Referral.<Referral> find("patientId", Sort.descending("receivedAt"), patientId)
                .firstResultOptional();
        return open(patientId, ReferralSource.AFTERCARE_RELAPSE,
                "Relapse reported in aftercare: readmission to intake", Urgency.URGENT,
                earlier.map(r -> r.id).orElse(null), "aftercare-service");
    }

    @Transactional
    public Referral move(UUID id, ReferralStatus to, String note) {
        Referral referral = find(id);
        referral.moveTo(to, caller.name(), note).persist();
        access.wrote("update", RESOURCE, id, referral.patientId);
        if (to == ReferralStatus.ADMITTED) {
            notifications.occurred(SubscriptionTopic.PATIENT_ADMITTED, referral.patientId, "ServiceRequest/" + referral.id,
                    Instant.now());
        }
        return referral;
    }

    @Transactional
    public Referral get(UUID id) {
        Referral referral = find(id);
        access.read(CATEGORY, RESOURCE, id, referral.patientId);
        return referral;
    }

    @Transactional
    public PageOf<Referral> list(UUID patientId, ReferralStatus status, ListWindow.Window window) {
        return list(patientId, status, Changes.ANY, window);
    }

    /** {@link #list(UUID, ReferralStatus, ListWindow.Window)} of the referrals {@code changes} selects, in its order. */
    @Transactional
    public PageOf<Referral> list(UUID patientId, ReferralStatus status, Changes changes, ListWindow.Window window) {
        if (!caller.isStaff() && patientId == null) {
            throw new InvalidRequestException("patientId", "is required for patients and EHR clients");
        }
        if (patientId != null) {
            access.search(CATEGORY, patientId);
        }
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (patientId != null) {
            conditions.add("patientId = :patientId");
            parameters.and("patientId", patientId);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        changes.addTo(conditions, parameters);
        var found = Referral.<Referral> find(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions),
                changes.sort(Sort.descending("receivedAt").and("id")), parameters);
        PageOf<Referral> listed = window.of(found);
        access.readAll(CATEGORY, RESOURCE, listed.items(), r -> r.id, r -> r.patientId);
        return listed;
    }

    /** The histories of referrals, oldest step first, read at once rather than one query per referral. */
    public Map<UUID, List<ReferralTransition>> histories(List<Referral> referrals) {
        if (referrals.isEmpty()) {
            return Map.of();
        }
        List<ReferralTransition> steps = ReferralTransition.list("referralId in ?1", Sort.ascending("id"),
                referrals.stream().map(r -> r.id).toList());
        return steps.stream().collect(Collectors.groupingBy(step -> step.referralId));
    }

    private Referral find(UUID id) {
        Referral referral = Referral.findById(id);
        if (referral == null) {
            throw new ResourceNotFoundException("Referral", id);
        }
        return referral;
    }

    private Referral open(UUID patientId, ReferralSource source, String reason, Urgency urgency, UUID readmissionOf,
            String by) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.patientId = patientId;
        referral.source = source;
        referral.reason = reason;
        referral.urgency = urgency;
        referral.status = ReferralStatus.RECEIVED;
        referral.readmissionOf = readmissionOf;
        referral.receivedAt = Instant.now();
        referral.persist();
        referral.transition(null, ReferralStatus.RECEIVED, by, null).persist();
        outbox.publish(new ReferralReceived(referral.id, patientId, source, urgency == Urgency.URGENT, readmissionOf,
                referral.receivedAt));
        return referral;
    }
}
