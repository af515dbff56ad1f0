package io.cairn.treatmentplan.domain.measures;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.PreconditionFailedException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.Problem.Violation;
import io.cairn.kit.security.PatientAccess;
import io.cairn.screeners.ScreenerCode;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import io.cairn.treatmentplan.domain.TreatmentPlans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The measurement schedule of a patient's open plan: read, set by a clinician, or put back to the clinic's. */
@ApplicationScoped
public class PlanMeasurementSchedules {

    /** A plan's schedule, and whether it is the clinic's default for its problems. */
    @Schema(name = "MeasurementSchedule", example = """
            {"planId":"7a1f2b3c-4d5e-6f70-8192-a3b4c5d6e7f8","clinicDefault":false,
             "entries":[{"instrument":"PHQ-9","everyDays":14},{"instrument":"AUDIT","everyDays":28}]}""")
    public record Schedule(UUID planId,
            @Schema(description = "Whether these are the clinic's re-screens for the plan's problems, not the plan's own") boolean clinicDefault,
            List<MeasurementSchedule.Entry> entries) {
    }

    /**
     * A schedule with the plan it belongs to and that plan's version: its ETag names both, so that a tag read in an
     * earlier episode never matches the next one's plan.
     */
    public record Versioned(Schedule schedule, int planVersion) {

        public String etag() {
            return schedule.planId() + "." + planVersion;
        }
    }

    private final MeasurementSchedule schedules;
    private final PatientAccess access;

    PlanMeasurementSchedules(MeasurementSchedule schedules, PatientAccess access) {
        this.schedules = schedules;
        this.access = access;
    }

    @Transactional
    public Versioned of(UUID patientId) {
        TreatmentPlan plan = openPlan(patientId, LockModeType.NONE);
        access.read(RecordCategory.TREATMENT_PLANS, TreatmentPlans.RESOURCE, plan.id, patientId);
        return scheduleOf(plan);
    }

    /**
     * Sets the plan's own schedule, in place of the clinic's.
     *
     * @param ifMatch the schedule's ETag the caller read, when sent
     * @throws InvalidRequestException for an instrument not re-screened, or named twice (nothing changes)
     * @throws PreconditionFailedException when the plan changed since {@code ifMatch} (another clinician's schedule)
     */
    @Transactional
    public Versioned change(UUID patientId, String ifMatch, List<MeasurementSchedule.Entry> entries) {
        List<Violation> invalid = new ArrayList<>();
        Set<ScreenerCode> named = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ScreenerCode instrument = entries.get(i).instrument();
            if (!Measures.RE_SCREENED.contains(instrument)) {
                invalid.add(new Violation("entries[" + i + "].instrument", "must be one of PHQ-9, GAD-7, AUDIT, "
                        + "DAST-10"));
            } else if (!named.add(instrument)) {
                invalid.add(new Violation("entries[" + i + "].instrument", instrument.label() + " is named twice"));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        TreatmentPlan plan = openPlan(patientId, LockModeType.PESSIMISTIC_WRITE);
        requireCurrent(plan, ifMatch);
        plan.measurementSchedule = List.copyOf(entries);
        TreatmentPlan.flush(); // the plan's version moves on: the answer's ETag
        access.wrote("set-measurement-schedule", TreatmentPlans.RESOURCE, plan.id, patientId);
        return scheduleOf(plan);
    }

    /** The plan follows the clinic's schedule for its problems again. */
    @Transactional
    public Versioned reset(UUID patientId, String ifMatch) {
        TreatmentPlan plan = openPlan(patientId, LockModeType.PESSIMISTIC_WRITE);
        requireCurrent(plan, ifMatch);
        plan.measurementSchedule = null;
        TreatmentPlan.flush();
        access.wrote("reset-measurement-schedule", TreatmentPlans.RESOURCE, plan.id, patientId);
        return scheduleOf(plan);
    }

    private Versioned scheduleOf(TreatmentPlan plan) {
        return new Versioned(new Schedule(plan.id, plan.measurementSchedule == null, schedules.of(plan)),
                plan.version);
    }

    /** @param ifMatch the ETag the caller read ({@code "<plan>.<version>"}, weak or strong), when sent */
    private void requireCurrent(TreatmentPlan plan, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = scheduleOf(plan).etag();
        if (!ifMatch.replace("W/", "").replace("\"", "").strip().equals(current)) {
            throw new PreconditionFailedException("The plan has changed since ETag " + ifMatch.strip() + "; it is now \""
                    + current + "\": read the schedule again");
        }
    }

    /**
     * The patient's plan under way.
     *
     * @throws ConflictException when the patient has none (after the refusal check: a caller who may not see the
     *         patient learns nothing)
     */
    private TreatmentPlan openPlan(UUID patientId, LockModeType lock) {
        access.search(RecordCategory.TREATMENT_PLANS, patientId);
        return TreatmentPlan.openOf(patientId).withLock(lock).firstResultOptional()
                .orElseThrow(() -> new ConflictException("Patient " + patientId + " has no treatment plan under way"));
    }
}
