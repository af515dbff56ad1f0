package io.cairn.treatmentplan.domain.measures;

import io.cairn.kit.audit.AuditEntry;
import io.cairn.kit.audit.AuditLog;
import io.cairn.kit.audit.AuditOutcome;
import io.cairn.screeners.ScreenerCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The program's view of its measures, for the director: of the episodes re-screened in a range, how many improved,
 * stayed the same or got worse, each judged by its instrument's reliable change from the first score to the last. An
 * episode with a single score (the assessment did not include the instrument) is not judged yet. Each share is rounded
 * on its own, so the three may add up to 0.999 or 1.001.
 */
@ApplicationScoped
public class MeasureOutcomes {

    /** The instruments with a reliable-change threshold: only they have a verdict. */
    static final List<ScreenerCode> JUDGED = List.copyOf(ReliableChange.THRESHOLDS.keySet());

    @Schema(name = "MeasureOutcome", example = """
            {"instrument":"PHQ-9","episodes":40,"improved":22,"unchanged":15,"worse":3,"improvedShare":0.550,
             "unchangedShare":0.375,"worseShare":0.075}""")
    public record Outcome(ScreenerCode instrument,
            @Schema(description = "Plans with a re-screen of the instrument taken in the range and at least two scores") long episodes,
            long improved, long unchanged, long worse,
            @Schema(nullable = true, description = "Null when no episode was re-screened in the range") BigDecimal improvedShare,
            @Schema(nullable = true, description = "Null when no episode was re-screened in the range") BigDecimal unchangedShare,
            @Schema(nullable = true, description = "Null when no episode was re-screened in the range") BigDecimal worseShare) {
    }

    // Each plan re-screened with the instrument in the range, from those re-screens (an index on the day), with its first
    // score, its last one taken by the range's end and how many it has by then (each on the plan's series index).
    private static final String FIRST_AND_LAST = """
            with episodes as (select distinct plan_id, instrument from measure
                              where source = 're-screen' and instrument in ('PHQ-9', 'GAD-7')
                                and taken_on between ?1 and ?2)
            select e.instrument,
                   (select m.score from measure m where m.plan_id = e.plan_id and m.instrument = e.instrument
                    order by m.taken_at, m.id limit 1) as first_score,
                   (select m.score from measure m where m.plan_id = e.plan_id and m.instrument = e.instrument
                      and m.taken_on <= ?2 order by m.taken_at desc, m.id desc limit 1) as last_score,
                   (select count(*) from measure m where m.plan_id = e.plan_id and m.instrument = e.instrument
                      and m.taken_on <= ?2) as taken
            from episodes e""";

    private final EntityManager entities;
    private final AuditLog audit;

    MeasureOutcomes(EntityManager entities, AuditLog audit) {
        this.entities = entities;
        this.audit = audit;
    }

    /** PHQ-9 and GAD-7, for the episodes re-screened between {@code from} and {@code to} (inclusive). */
    @Transactional
    public List<Outcome> between(LocalDate from, LocalDate to) {
        Map<ScreenerCode, long[]> counts = new EnumMap<>(ScreenerCode.class);
        JUDGED.forEach(instrument -> counts.put(instrument, new long[3]));
        for (Object row : entities.createNativeQuery(FIRST_AND_LAST).setParameter(1, from).setParameter(2, to)
                .getResultList()) {
            Object[] series = (Object[]) row;
            if (((Number) series[3]).longValue() < 2) {
                continue; // A single score (no baseline for the instrument) is no change to judge.
            }
            String instrument = (String) series[0];
            ReliableChange verdict = ReliableChange.of(instrument,
                    ((Number) series[2]).intValue() - ((Number) series[1]).intValue());
            counts.get(ScreenerCode.ofLabel(instrument).orElseThrow())[verdict.ordinal()]++;
        }
        audit.record(new AuditEntry("read", "measure-outcomes", from + ".." + to, null, AuditOutcome.SUCCESS));
        return JUDGED.stream().map(instrument -> {
            long[] verdicts = counts.get(instrument);
            long episodes = verdicts[0] + verdicts[1] + verdicts[2];
            return new Outcome(instrument, episodes, verdicts[ReliableChange.IMPROVED.ordinal()],
                    verdicts[ReliableChange.UNCHANGED.ordinal()], verdicts[ReliableChange.WORSE.ordinal()],
                    share(verdicts[ReliableChange.IMPROVED.ordinal()], episodes),
                    share(verdicts[ReliableChange.UNCHANGED.ordinal()], episodes),
                    share(verdicts[ReliableChange.WORSE.ordinal()], episodes));
        }).toList();
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
