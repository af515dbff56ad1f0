package io.cairn.aftercare.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.EventType;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.events.RelapseReported;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.contracts.events.SafetyAlertSource;
import io.cairn.contracts.events.SafetyFinding;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.api.PageOf;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.cairn.screeners.Screener;
import io.cairn.screeners.ScreenerCatalogue;
import io.cairn.screeners.ScreenerCode;
import io.cairn.screeners.ScreenerScore;
import io.cairn.screeners.Sex;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records check-ins (by the case manager, or the patient from the app), lists what is due, marks what was missed. */
@ApplicationScoped
public class CheckIns {

    public record Outcome(LocalDate contactedOn, boolean reached, Boolean useSinceLast, boolean relapse,
            Map<Integer, Integer> phq9Answers, Map<Integer, Integer> gad7Answers, Integer supportGroupMeetings,
            String housing, String employment, String nextSteps) {
    }

    private final ScreenerCatalogue screeners;
    private final PatientAccess access;
    private final Caller caller;
    private final Outbox outbox;

    private final ClinicCalendar calendar;

    CheckIns(ScreenerCatalogue screeners, PatientAccess access, Caller caller, Outbox outbox,
            ClinicCalendar calendar) {
        this.calendar = calendar;
        this.screeners = screeners;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
    }

    @Transactional
    public CheckIn record(UUID id, Outcome outcome) {
        CheckIn checkIn = find(id);
        boolean byPatient = caller.hasRole(Roles.PATIENT) && !caller.isStaff();
        if (byPatient) {
            access.read(RecordCategory.AFTERCARE, "check-in", id, checkIn.patientId);
        }
        if (checkIn.status == CheckInStatus.COMPLETED) {
            throw new ConflictException("Check-in " + id + " was already recorded");
        }
        AftercareReferral referral = AftercareReferral.findById(checkIn.referralId);
        LocalDate today = calendar.today();
        LocalDate contactedOn = outcome.contactedOn() != null ? outcome.contactedOn() : today;
        if (contactedOn.isBefore(referral.dischargedOn) || contactedOn.isAfter(today)) {
            throw new InvalidRequestException("contactedOn", "must be between the discharge date and today");
        }
        List<io.cairn.kit.problem.Problem.Violation> violations = new ArrayList<>();
        ScreenerScore phq9 = score(ScreenerCode.PHQ_9, outcome.phq9Answers(), "phq9Answers", violations);
        ScreenerScore gad7 = score(ScreenerCode.GAD_7, outcome.gad7Answers(), "gad7Answers", violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        checkIn.status = CheckInStatus.COMPLETED;
        checkIn.contactedOn = contactedOn;
        checkIn.reached = outcome.reached();
        checkIn.useSinceLast = outcome.useSinceLast();
        checkIn.relapse = outcome.relapse();
        checkIn.phq9Score = phq9 == null ? null : phq9.score();
        checkIn.phq9Band = phq9 == null ? null : phq9.band();
        checkIn.gad7Score = gad7 == null ? null : gad7.score();
        checkIn.gad7Band = gad7 == null ? null : gad7.band();
        checkIn.supportGroupMeetings = outcome.supportGroupMeetings();
        checkIn.housing = outcome.housing();
        checkIn.employment = outcome.employment();
        checkIn.nextSteps = outcome.nextSteps();
        checkIn.recordedBy = caller.name();
        checkIn.recordedAt = Instant.now();
        checkIn.submittedByPatient = byPatient;
        access.wrote("record", "check-in", id, checkIn.patientId);
        outbox.publish(new CheckInRecorded(checkIn.id, checkIn.patientId, referral.id, checkIn.milestoneDays,
                contactedOn, checkIn.reached, checkIn.recordedAt));
        if (phq9 != null) {
            raiseSafetyAlerts(checkIn, screeners.get(ScreenerCode.PHQ_9).safetyFindings(outcome.phq9Answers()));
        }
        if (outcome.relapse()) {
            report(referral, checkIn.id, "Reported at the " + checkIn.milestoneDays + "-day check-in");
        }
        return checkIn;
    }

    /** A check-in is recorded once, so each of its findings is raised once. */
    private void raiseSafetyAlerts(CheckIn checkIn, List<SafetyFinding> findings) {
        for (SafetyFinding finding : findings) {
            checkIn.safetyAlert = true;
            outbox.publish(EventType.AFTERCARE_SAFETY_ALERT, SafetyAlertRaised.of(UUID.randomUUID(),
                    checkIn.patientId, finding, SafetyAlertSource.CHECK_IN, checkIn.id, checkIn.recordedAt));
        }
    }

    /** A case manager's report of relapse outside a check-in. */
    @Transactional
    public RelapseReport reportRelapse(UUID referralId, String note) {
        AftercareReferral referral = AftercareReferral.findById(referralId);
        if (referral == null) {
            throw new ResourceNotFoundException("Aftercare referral", referralId);
        }
        return report(referral, null, note);
    }

    private RelapseReport report(AftercareReferral referral, UUID checkInId, String note) {
        RelapseReport report = new RelapseReport();
        report.id = UUID.randomUUID();
        report.referralId = referral.id;
        report.patientId = referral.patientId;
        report.checkInId = checkInId;
        report.reportedBy = caller.name();
        report.note = note;
        report.reportedAt = Instant.now();
        report.persist();
        access.wrote("report-relapse", "relapse-report", report.id, referral.patientId);
        outbox.publish(new RelapseReported(referral.patientId, referral.id, checkInId, report.reportedAt));
        return report;
    }

    /**
     * One window of the scheduled check-ins whose window is open on {@code day}, or that are past due: the case
     * managers' list, earliest due first. Only the check-ins in the window are audited.
     */
    @Transactional
    public PageOf<CheckIn> due(LocalDate day, ListWindow.Window window) {
        // The id orders the check-ins due on one day, so that windows never overlap.
        PageOf<CheckIn> due = window.of(CheckIn.<CheckIn> find("status = ?1 and windowOpensOn <= ?2",
                Sort.ascending("dueOn", "id"), CheckInStatus.SCHEDULED, day));
        access.readAll(RecordCategory.AFTERCARE, "check-in", due.items(), c -> c.id, c -> c.patientId);
        return due;
    }

    @Transactional
    public List<CheckIn> ofReferral(UUID referralId) {
        AftercareReferral referral = AftercareReferral.findById(referralId);
        if (referral == null) {
            throw new ResourceNotFoundException("Aftercare referral", referralId);
        }
        access.read(RecordCategory.AFTERCARE, "check-in", referralId, referral.patientId);
        return CheckIn.list("referralId", Sort.ascending("dueOn"), referralId);
    }

    /** Marks every check-in whose window closed before {@code day} missed; a missed one stays missed. */
    @Transactional
    public int markMissed(LocalDate day) {
        return CheckIn.update("status = ?1 where status = ?2 and windowClosesOn < ?3", CheckInStatus.MISSED,
                CheckInStatus.SCHEDULED, day);
    }

    @Scheduled(cron = "{aftercare.missed-check-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void markMissedDaily() {
        markMissed(calendar.today());
    }

    private ScreenerScore score(ScreenerCode code, Map<Integer, Integer> answers, String field,
            List<io.cairn.kit.problem.Problem.Violation> violations) {
        if (answers == null) {
            return null;
        }
        Screener screener = screeners.get(code);
        List<io.cairn.kit.problem.Problem.Violation> invalid = screener.violations(answers, field);
        violations.addAll(invalid);
        return invalid.isEmpty() ? screener.score(answers, Sex.UNKNOWN) : null;
    }

    private static CheckIn find(UUID id) {
        CheckIn checkIn = CheckIn.findById(id);
        if (checkIn == null) {
            throw new ResourceNotFoundException("Check-in", id);
        }
        return checkIn;
    }
}
