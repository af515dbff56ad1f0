package io.cairn.aftercare.domain;

import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Opens aftercare when an episode ends: a plan built from the graduation summary, a case manager, check-ins. */
@ApplicationScoped
public class AftercareReferrals {

    static final String RESOURCE = "aftercare-referral";
    static final int OUTREACH_DAYS = 3;

    private final CheckInSchedule schedule;
    private final PatientAccess access;
    private final Outbox outbox;

    AftercareReferrals(CheckInSchedule schedule, PatientAccess access, Outbox outbox) {
        this.schedule = schedule;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void fromGraduation(PatientGraduated graduated) {
        open(graduated.planId(), graduated.patientId(), graduated.dischargedOn(), graduated.aftercareNeeds(), false,
                graduated.graduatedAt());
    }

    /** Only a discharge against medical advice opens aftercare here: outreach within 72 hours. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fromDischarge(PatientDischarged discharged) {
        if (discharged.reason() == io.cairn.contracts.events.DischargeReason.AGAINST_MEDICAL_ADVICE) {
            open(discharged.planId(), discharged.patientId(), discharged.dischargedOn(), discharged.aftercareNeeds(),
                    true, discharged.dischargedAt());
        }
    }

    private void open(UUID planId, UUID patientId, LocalDate dischargedOn, AftercareNeeds needs, boolean outreach,
            Instant endedAt) {
        if (AftercareReferral.count("planId", planId) > 0) {
            return;
        }
        AftercareReferral referral = new AftercareReferral();
        referral.id = UUID.randomUUID();
        referral.patientId = patientId;
        referral.planId = planId;
        referral.outreach = outreach;
        referral.dischargedOn = dischargedOn;
        referral.caseManager = schedule.defaultCaseManager();
        referral.items = plan(needs, dischargedOn, outreach);
        referral.firstContactDueBy = outreach ? endedAt.plus(Duration.ofHours(72)) : null;
        referral.createdAt = Instant.now();
        referral.persist();
        List<Integer> days = List.copyOf(schedule.days());
        if (outreach) {
            checkIn(referral, OUTREACH_DAYS, dischargedOn, dischargedOn.plusDays(OUTREACH_DAYS));
        }
        for (int day : schedule.days()) {
            LocalDate due = dischargedOn.plusDays(day);
            LocalDate opens = due.minusDays(schedule.windowBefore());
            checkIn(referral, day, opens.isAfter(dischargedOn) ? opens : dischargedOn.plusDays(1),
                    due.plusDays(schedule.windowAfter()));
        }
        outbox.publish(new AftercareReferralCreated(referral.id, patientId, planId, dischargedOn, days, outreach,
                referral.firstContactDueBy, referral.createdAt));
    }

    private static void checkIn(AftercareReferral referral, int days, LocalDate opens, LocalDate closes) {
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.referralId = referral.id;
        checkIn.patientId = referral.patientId;
        checkIn.milestoneDays = days;
        checkIn.dueOn = referral.dischargedOn.plusDays(days);
        checkIn.windowOpensOn = opens;
        checkIn.windowClosesOn = closes;
        checkIn.status = CheckInStatus.SCHEDULED;
        checkIn.persist();
    }

    /** The aftercare plan drafted from what the episode left to continue. */
    static List<AftercareItem> plan(AftercareNeeds needs, LocalDate dischargedOn, boolean outreach) {
        List<AftercareItem> items = new ArrayList<>();
        LocalDate next = dischargedOn.plusDays(7);
        if (outreach) {
            items.add(new AftercareItem(AftercareItem.Kind.OUTREACH, "Reach the patient within 72 hours of leaving "
                    + "the program; offer to resume care", null, null, AftercareItem.Status.PLANNED,
                    dischargedOn));
        }
        items.add(new AftercareItem(AftercareItem.Kind.STEP_DOWN_THERAPY, "Weekly outpatient therapy (ASAM level 1)",
                null, null, AftercareItem.Status.PLANNED, next));
        String substances = needs.substances().isEmpty() ? "recovery" : String.join(", ", needs.substances());
        items.add(new AftercareItem(AftercareItem.Kind.SUPPORT_GROUP, "Mutual-support meetings for " + substances
                + " (AA, NA or SMART Recovery)" + (needs.supports().isEmpty() ? ""
                        : "; supports: " + String.join(", ", needs.supports())),
                null, null, AftercareItem.Status.PLANNED, dischargedOn.plusDays(1)));
        items.add(new AftercareItem(AftercareItem.Kind.SOBER_LIVING, "Discuss sober living if home is not "
                + "supportive of recovery", null, null, AftercareItem.Status.PLANNED, null));
        if (!needs.medications().isEmpty()) {
            items.add(new AftercareItem(AftercareItem.Kind.MEDICATION_MANAGEMENT, "Continue "
                    + String.join(", ", needs.medications()), null, null, AftercareItem.Status.PLANNED, next));
        }
        items.add(new AftercareItem(AftercareItem.Kind.ALUMNI_GROUP, "Monthly alumni group", null, null,
                AftercareItem.Status.PLANNED, dischargedOn.plusDays(30)));
        return items;
    }

    @Transactional
    public AftercareReferral get(UUID id) {
        AftercareReferral referral = AftercareReferral.findById(id);
        if (referral == null) {
            throw new ResourceNotFoundException("Aftercare referral", id);
        }
        access.read(RecordCategory.AFTERCARE, RESOURCE, id, referral.patientId);
        return referral;
    }

    @Transactional
    public List<AftercareReferral> ofPatient(UUID patientId) {
        List<AftercareReferral> referrals = ofPatientUnread(patientId);
        recordRead(referrals);
        return referrals;
    }

    /**
     * The patient's referrals, once the caller may read the patient's aftercare at all, without recording that any was
     * read: a search records those it answers ({@link #recordRead}), each a disclosure to an EHR.
     */
    @Transactional
    public List<AftercareReferral> ofPatientUnread(UUID patientId) {
        access.search(RecordCategory.AFTERCARE, patientId);
        return AftercareReferral.list("patientId", Sort.descending("createdAt"), patientId);
    }

    /** Records that the caller read these referrals. */
    @Transactional
    public void recordRead(List<AftercareReferral> referrals) {
        access.readAll(RecordCategory.AFTERCARE, RESOURCE, referrals, r -> r.id, r -> r.patientId);
    }
}
