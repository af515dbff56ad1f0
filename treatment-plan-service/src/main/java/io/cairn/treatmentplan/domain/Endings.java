package io.cairn.treatmentplan.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.Problem.Violation;
import io.cairn.kit.security.PatientAccess;
import io.cairn.treatmentplan.domain.measures.Measures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How an episode ends: graduation, checked against the documented criteria (or overridden with a reason), or
 * discharge for any other reason.
 */
@ApplicationScoped
public class Endings {

    private final TreatmentPlans plans;
    private final AttendedHours attendedHours;
    private final ClinicCalendar calendar;
    private final GraduationCriteria criteria;
    private final PatientAccess access;
    private final Outbox outbox;
    private final Measures measures;

    Endings(TreatmentPlans plans, AttendedHours attendedHours, GraduationCriteria criteria, PatientAccess access,
            Outbox outbox, ClinicCalendar calendar, Measures measures) {
        this.measures = measures;
        this.attendedHours = attendedHours;
        this.calendar = calendar;
        this.plans = plans;
        this.criteria = criteria;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public TreatmentPlan graduate(UUID id, LocalDate dischargedOn, String overrideReason) {
        TreatmentPlan plan = plans.find(id);
        plan.requireActive();
        if (dischargedOn.isBefore(calendar.dateOf(plan.approvedAt))) {
            throw new InvalidRequestException("dischargedOn", "must not be before the plan was approved");
        }
        List<Violation> unmet = unmetCriteria(plan, dischargedOn);
        if (!unmet.isEmpty() && (overrideReason == null || overrideReason.isBlank())) {
            throw new ConflictException("The graduation criteria are not met; a clinician may override with a reason",
                    unmet);
        }
        plan.moveTo(PlanStatus.GRADUATED);
        plan.endedOn = dischargedOn;
        plan.endedAt = Instant.now();
        plan.endNote = unmet.isEmpty() ? null : "Graduated despite unmet criteria: " + overrideReason.strip();
        outbox.publish(new PatientGraduated(plan.id, plan.patientId, dischargedOn, plan.aftercareNeeds(),
                plan.endedAt, measures.atEnd(plan), attendedHours.atEnd(plan)));
        access.wrote("graduate", TreatmentPlans.RESOURCE, id, plan.patientId);
        return plan;
    }

    @Transactional
    public TreatmentPlan discharge(UUID id, DischargeReason reason, LocalDate dischargedOn, String note) {
        TreatmentPlan plan = plans.find(id);
        plan.moveTo(PlanStatus.DISCHARGED);
        plan.dischargeReason = reason;
        plan.endedOn = dischargedOn;
        plan.endedAt = Instant.now();
        plan.endNote = note;
        outbox.publish(new PatientDischarged(plan.id, plan.patientId, reason, dischargedOn, plan.aftercareNeeds(),
                plan.endedAt, measures.atEnd(plan), attendedHours.atEnd(plan)));
        access.wrote("discharge", TreatmentPlans.RESOURCE, id, plan.patientId);
        return plan;
    }

    List<Violation> unmetCriteria(TreatmentPlan plan, LocalDate dischargedOn) {
        List<Violation> unmet = new ArrayList<>();
        LocalDate approvedOn = calendar.dateOf(plan.approvedAt);
        long weeks = ChronoUnit.WEEKS.between(approvedOn, dischargedOn);
        if (weeks < criteria.minimumWeeks()) {
            unmet.add(new Violation("minimumWeeks", weeks + " of " + criteria.minimumWeeks()
                    + " weeks in the program"));
        }
        BigDecimal attended = AttendedHours
                .hours(attendedHours.attendanceSinceApproval(plan).stream().mapToLong(r -> r.minutesAttended).sum());
        BigDecimal needed = plan.weeklyHours.multiply(BigDecimal.valueOf(Math.max(weeks, 1)))
                .multiply(BigDecimal.valueOf(criteria.minimumHoursShare())).setScale(1, RoundingMode.HALF_UP);
        if (attended.compareTo(needed) < 0) {
            unmet.add(new Violation("minimumHoursShare", attended + " hours attended, " + needed + " needed ("
                    + Math.round(criteria.minimumHoursShare() * 100) + "% of the weekly target)"));
        }
        List<Objective> counted = plan.objectives().stream().filter(o -> o.status() != ObjectiveStatus.REVISED)
                .toList();
        long met = counted.stream().filter(o -> o.status() == ObjectiveStatus.MET).count();
        if (counted.isEmpty() || met < Math.ceil(counted.size() * criteria.minimumObjectivesMetShare())) {
            unmet.add(new Violation("minimumObjectivesMetShare", met + " of " + counted.size() + " objectives met ("
                    + Math.round(criteria.minimumObjectivesMetShare() * 100) + "% needed)"));
        }
        return unmet;
    }
}
