package io.cairn.aftercare.domain;

import io.cairn.kit.audit.AuditEntry;
import io.cairn.kit.audit.AuditLog;
import io.cairn.kit.audit.AuditOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Program outcomes for the patients discharged in a date range. Follow-up within 7 and 30 days counts a reached
 * contact after the discharge date and no later than day 7 (day 30); as HEDIS counts it, a contact on the discharge
 * date itself does not count.
 */
@ApplicationScoped
public class Outcomes {

    public record Milestone(int days, long due, long completed, long missed,
            @Schema(nullable = true, description = "The share completed of those completed or missed; null while there are none") BigDecimal completionRate) {
    }

    /** The episodes that ended in one track (or in none: never placed), and their hours against those asked for. */
    @Schema(name = "TrackOutcome")
    public record TrackOutcome(
            @Schema(nullable = true, description = "Null for the episodes never placed in a track") UUID trackId,
            long episodesEnded, long graduated,
            @Schema(description = "Graduated of all who ended") BigDecimal completionRate,
            BigDecimal hoursAttended, BigDecimal hoursExpected,
            @Schema(nullable = true, description = "Hours attended of those asked for; null when none were asked for") BigDecimal hoursCompliance) {
    }

    @Schema(name = "OutcomeReport", example = """
            {"from":"2027-01-01","to":"2027-03-31","discharged":40,"followUpWithin7Days":31,
             "followUpWithin7DaysRate":0.775,"followUpWithin30Days":37,"followUpWithin30DaysRate":0.925,
             "checkInCompletion":[{"days":7,"due":40,"completed":31,"missed":9,"completionRate":0.775}],
             "patientsWithRelapse":6,"relapseRate":0.150,"meanPhq9ChangeAt90Days":-6.4,
             "meanGad7ChangeAt90Days":-4.1,"readmissions":5,"episodesEnded":52,"graduated":40,
             "completionRate":0.769,"meanPhq9ChangeAtDischarge":-5.2,"meanGad7ChangeAtDischarge":-3.8,
             "byTrack":[{"trackId":"3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a","episodesEnded":30,"graduated":24,
                         "completionRate":0.8,"hoursAttended":2916.0,"hoursExpected":3240.0,"hoursCompliance":0.9}]}""")
    public record Report(LocalDate from, LocalDate to, long discharged, long followUpWithin7Days,
            @Schema(nullable = true, description = "Null when nobody was discharged in the range") BigDecimal followUpWithin7DaysRate,
            long followUpWithin30Days,
            @Schema(nullable = true, description = "Null when nobody was discharged in the range") BigDecimal followUpWithin30DaysRate,
            List<Milestone> checkInCompletion, long patientsWithRelapse,
            @Schema(nullable = true, description = "Null when nobody was discharged in the range") BigDecimal relapseRate,
            @Schema(nullable = true, description = "Null when no patient has both an intake and a 90-day PHQ-9") BigDecimal meanPhq9ChangeAt90Days,
            @Schema(nullable = true, description = "Null when no patient has both an intake and a 90-day GAD-7") BigDecimal meanGad7ChangeAt90Days,
            long readmissions,
            @Schema(description = "Episodes of the program that ended in the range, graduated or discharged (a plan discharged before approval included), counted from the release that began keeping them") long episodesEnded,
            long graduated,
            @Schema(nullable = true, description = "Graduated of all who ended; null when none ended") BigDecimal completionRate,
            @Schema(nullable = true, description = "Mean of the last PHQ-9 of the program less its first, over the episodes that ended in the range with one; null when none had") BigDecimal meanPhq9ChangeAtDischarge,
            @Schema(nullable = true, description = "The same for GAD-7") BigDecimal meanGad7ChangeAtDischarge,
            @Schema(description = "The episodes that ended in the range, by the track they were last placed in; those whose end was published before hours were sent are left out") List<TrackOutcome> byTrack) {
    }

    private final EntityManager entities;
    private final AuditLog audit;

    Outcomes(EntityManager entities, AuditLog audit) {
        this.entities = entities;
        this.audit = audit;
    }

    @Transactional
    public Report between(LocalDate from, LocalDate to) {
        List<AftercareReferral> referrals = AftercareReferral.list("dischargedOn between ?1 and ?2", from, to);
        long discharged = referrals.size();
        long within7 = referrals.stream().filter(r -> followedUpWithin(r, 7)).count();
        long within30 = referrals.stream().filter(r -> followedUpWithin(r, 30)).count();
        Map<Integer, long[]> milestones = new LinkedHashMap<>();
        for (AftercareReferral referral : referrals) {
            for (CheckIn checkIn : CheckIn.<CheckIn> list("referralId = ?1 order by milestoneDays", referral.id)) {
                long[] counts = milestones.computeIfAbsent(checkIn.milestoneDays, d -> new long[3]);
                counts[0]++;
                counts[1] += checkIn.status == CheckInStatus.COMPLETED ? 1 : 0;
                counts[2] += checkIn.status == CheckInStatus.MISSED ? 1 : 0;
            }
        }
        List<Milestone> completion = milestones.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Milestone(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        rate(e.getValue()[1], e.getValue()[1] + e.getValue()[2])))
                .toList();
        List<UUID> patients = referrals.stream().map(r -> r.patientId).distinct().toList();
        long relapsed = patients.isEmpty() ? 0
                : count("""
                        select count(distinct r.patientId) from RelapseReport r where r.referralId in (:referrals)""",
                        referrals.stream().map(r -> r.id).toList());
        long readmissions = patients.isEmpty() ? 0 : count("""
                select count(*) from Readmission r where r.patientId in (:referrals)""", patients);
        Object[] endings = (Object[]) entities.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE graduated), avg(phq9_last - phq9_first),
                       avg(gad7_last - gad7_first)
                FROM program_ending WHERE ended_on BETWEEN ?1 AND ?2""").setParameter(1, from).setParameter(2, to)
                .getSingleResult();
        long ended = ((Number) endings[0]).longValue();
        long graduated = ((Number) endings[1]).longValue();
        audit.record(new AuditEntry("read", "outcomes", from + ".." + to, null, AuditOutcome.SUCCESS));
        return new Report(from, to, discharged, within7, rate(within7, discharged), within30,
                rate(within30, discharged), completion, relapsed, rate(relapsed, discharged),
                meanChangeAt90Days(referrals, "phq9"), meanChangeAt90Days(referrals, "gad7"), readmissions, ended,
                graduated, rate(graduated, ended), oneDecimal(endings[2]), oneDecimal(endings[3]), byTrack(from, to));
    }

    private List<TrackOutcome> byTrack(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT track_id, count(*), count(*) FILTER (WHERE graduated), sum(hours_attended), sum(hours_expected)
                FROM program_ending WHERE ended_on BETWEEN ?1 AND ?2 AND hours_expected IS NOT NULL
                GROUP BY track_id ORDER BY track_id NULLS LAST""").setParameter(1, from).setParameter(2, to)
                .getResultList();
        return rows.stream().map(row -> {
            long ended = ((Number) row[1]).longValue();
            long graduated = ((Number) row[2]).longValue();
            BigDecimal attended = new BigDecimal(row[3].toString());
            BigDecimal expected = new BigDecimal(row[4].toString());
            return new TrackOutcome((UUID) row[0], ended, graduated, rate(graduated, ended), attended, expected,
                    expected.signum() == 0 ? null : attended.divide(expected, 3, RoundingMode.HALF_UP));
        }).toList();
    }

    private static BigDecimal oneDecimal(Object mean) {
        return mean == null ? null : new BigDecimal(mean.toString()).setScale(1, RoundingMode.HALF_UP);
    }

    private static boolean followedUpWithin(AftercareReferral referral, int days) {
        return CheckIn.count("referralId = ?1 and status = ?2 and reached = true and contactedOn > ?3 "
                + "and contactedOn <= ?4", referral.id, CheckInStatus.COMPLETED, referral.dischargedOn,
                referral.dischargedOn.plusDays(days)) > 0;
    }

    /** Mean of (score at the 90-day check-in − score at intake), over patients who have both. */
    private BigDecimal meanChangeAt90Days(List<AftercareReferral> referrals, String screener) {
        if (referrals.isEmpty()) {
            return null;
        }
        Object mean = entities.createNativeQuery("""
                SELECT avg(c.%1$s_score - b.%1$s_score) FROM check_in c JOIN intake_baseline b ON b.patient_id = c.patient_id
                WHERE c.referral_id = ANY (?1) AND c.milestone_days = 90 AND c.status = 'COMPLETED'
                  AND c.%1$s_score IS NOT NULL AND b.%1$s_score IS NOT NULL""".formatted(screener))
                .setParameter(1, referrals.stream().map(r -> r.id).toArray(UUID[]::new)).getSingleResult();
        return mean == null ? null : new BigDecimal(mean.toString()).setScale(1, RoundingMode.HALF_UP);
    }

    private long count(String query, List<UUID> ids) {
        return entities.createQuery(query, Long.class).setParameter("referrals", ids).getSingleResult();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
