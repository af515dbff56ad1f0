package io.cairn.billing.domain;

import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Patients' coverage. A patient has at most one coverage of each rank in force on any day, so that a day's charge goes
 * to one payer; adding or ending a coverage decides its days' charges again.
 */
@ApplicationScoped
public class Coverages {

    private final Charges charges;

    Coverages(Charges charges) {
        this.charges = charges;
    }

    @Transactional
    public Coverage add(Coverage coverage) {
        if (coverage.endsOn != null && coverage.endsOn.isBefore(coverage.startsOn)) {
            throw new InvalidRequestException("endsOn", "must not be before startsOn");
        }
        if (Payer.findById(coverage.payerId) == null) {
            throw new InvalidRequestException("payerId", "no such payer");
        }
        charges.lockPatient(coverage.patientId);
        for (Coverage other : Coverage.<Coverage> list("patientId = ?1 and rank = ?2", coverage.patientId,
                coverage.rank)) {
            if (other.overlaps(coverage)) {
                throw new ConflictException("The patient's " + coverage.rank.name().toLowerCase() + " coverage "
                        + other.id + " is in force on some of these days; end it first");
            }
        }
        coverage.id = UUID.randomUUID();
        coverage.persist();
        if (coverage.rank == CoverageRank.PRIMARY) {
            charges.coverageChanged(coverage.patientId, coverage.startsOn, coverage.endsOn);
        }
        return coverage;
    }

    /** Ends a coverage on a day: the days after it are no longer charged to it. */
    @Transactional
    public Coverage end(UUID id, LocalDate endsOn) {
        Coverage coverage = get(id);
        if (endsOn.isBefore(coverage.startsOn)) {
            throw new InvalidRequestException("endsOn", "must not be before the coverage's startsOn, "
                    + coverage.startsOn);
        }
        if (coverage.endsOn != null && endsOn.isAfter(coverage.endsOn)) {
            throw new InvalidRequestException("endsOn", "the coverage already ended on " + coverage.endsOn);
        }
        charges.lockPatient(coverage.patientId);
        LocalDate before = coverage.endsOn;
        coverage.endsOn = endsOn;
        if (coverage.rank == CoverageRank.PRIMARY) {
            charges.coverageChanged(coverage.patientId, endsOn.plusDays(1), before);
        }
        return coverage;
    }

    @Transactional
    public List<Coverage> ofPatient(UUID patientId) {
        return Coverage.<Coverage> find("patientId = ?1 order by rank, startsOn desc, id", patientId).list();
    }

    @Transactional
    public Coverage get(UUID id) {
        Coverage coverage = Coverage.findById(id);
        if (coverage == null) {
            throw new ResourceNotFoundException("Coverage", id);
        }
        return coverage;
    }
}
