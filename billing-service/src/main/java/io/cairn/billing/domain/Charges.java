package io.cairn.billing.domain;

import io.cairn.contracts.events.AttendanceMode;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.kit.persistence.Locks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each attended day becomes a charge: one unit of the per diem of the payer of the patient's primary coverage that day,
 * once the day's documented minutes reach that payer's minimum. A day is decided again whenever what it rests on
 * changes (its attendance announced or corrected, a coverage added or ended), from the rows alone, so a decision made
 * twice, or an event delivered twice, changes nothing.
 */
@ApplicationScoped
public class Charges {

    private final EntityManager entities;

    Charges(EntityManager entities) {
        this.entities = entities;
    }

    /** Keeps the attendance as last announced (a correction comes again under the same id), then decides its day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attendanceRecorded(AttendanceRecorded attended) {
        lockPatient(attended.patientId());
        AttendedSession session = AttendedSession.findById(attended.attendanceId());
        LocalDate earlierDay = null;
        if (session == null) {
            session = new AttendedSession();
            session.attendanceId = attended.attendanceId();
        } else if (attended.recordedAt().isBefore(session.recordedAt)) {
            // An older mark delivered late (a parked event sent again): the newer one kept stands.
            return;
        } else if (!session.sessionDate.equals(attended.sessionDate())) {
            earlierDay = session.sessionDate;
        }
        session.patientId = attended.patientId();
        session.sessionId = attended.sessionId();
        session.sessionKind = attended.sessionKind();
        session.status = attended.status();
        session.minutesAttended = attended.minutesAttended();
        session.sessionDate = attended.sessionDate();
        session.recordedAt = attended.recordedAt();
        session.mode = attended.mode() == null ? AttendanceMode.IN_PERSON : attended.mode();
        session.persist();
        entities.flush();
        decide(attended.patientId(), attended.sessionDate());
        if (earlierDay != null) {
            decide(attended.patientId(), earlierDay);
        }
    }

    /** Decides again every attended day a coverage of the patient's could cover, after it was added or ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    void coverageChanged(UUID patientId, LocalDate from, LocalDate until) {
        lockPatient(patientId);
        List<LocalDate> days = entities.createQuery("select distinct s.sessionDate from AttendedSession s "
                + "where s.patientId = ?1 and s.sessionDate >= ?2", LocalDate.class).setParameter(1, patientId)
                .setParameter(2, from).getResultList();
        days.stream().filter(day -> until == null || !day.isAfter(until)).forEach(day -> decide(patientId, day));
    }

    @Transactional
    public List<Charge> ofPatient(UUID patientId, LocalDate from, LocalDate to) {
        return Charge.<Charge> find("patientId = ?1 and serviceDate >= ?2 and serviceDate <= ?3 "
                + "order by serviceDate, createdAt", patientId, from, to).list();
    }

    /**
     * A patient's charges are decided one transaction at a time: an attendance and a coverage change deciding the same
     * day at once would each see no charge and both make one (the unique index would refuse the second, and its
     * whole event be retried).
     */
    void lockPatient(UUID patientId) {
        Locks.forKey(entities, "billing-patient:" + patientId);
    }

    /** The patient's lock if no other transaction holds it; {@code false} at once otherwise. */
    boolean tryLockPatient(UUID patientId) {
        return Locks.tryForKey(entities, "billing-patient:" + patientId);
    }

    private void decide(UUID patientId, LocalDate day) {
        int minutes = minutesAttended(patientId, day);
        Optional<Charge> open = Charge.<Charge> find("patientId = ?1 and serviceDate = ?2 and status <> ?3", patientId,
                day, ChargeStatus.VOID).firstResultOptional();
        if (open.isPresent() && open.get().status == ChargeStatus.CLAIMED) {
            return;
        }
        Optional<Coverage> coverage = Coverage.primaryOn(patientId, day);
        Optional<Payer> payer = coverage.map(c -> Payer.<Payer> findById(c.payerId));
        if (open.isPresent()) {
            Charge charge = open.get();
            if (coverage.isEmpty() || !coverage.get().id.equals(charge.coverageId)) {
                charge.status = ChargeStatus.VOID;
                charge.voidReason = "no longer covered by the coverage it was charged to";
            } else if (minutes < payer.get().minimumMinutes) {
                charge.status = ChargeStatus.VOID;
                charge.voidReason = "the day's attendance, corrected to " + minutes + " minutes, is below the payer's "
                        + "minimum of " + payer.get().minimumMinutes;
            } else {
                charge.minutesDocumented = minutes;
                codesOfTheDay(charge, payer.get(), byTelehealth(patientId, day));
                return;
            }
            entities.flush();
        }
        if (coverage.isPresent() && minutes >= payer.get().minimumMinutes) {
            charge(patientId, day, minutes, coverage.get(), payer.get());
        }
    }

    private void charge(UUID patientId, LocalDate day, int minutes, Coverage coverage, Payer payer) {
        Charge charge = new Charge();
        charge.id = UUID.randomUUID();
        charge.patientId = patientId;
        charge.serviceDate = day;
        charge.coverageId = coverage.id;
        charge.payerId = payer.id;
        charge.claimForm = payer.claimForm;
        charge.procedureCode = payer.procedureCode;
        charge.revenueCode = payer.revenueCode;
        codesOfTheDay(charge, payer, byTelehealth(patientId, day));
        charge.units = 1;
        charge.amount = payer.dayRate;
        charge.minutesDocumented = minutes;
        charge.status = ChargeStatus.OPEN;
        charge.persist();
    }

    /**
     * A day attended wholly by telehealth carries the payer's telehealth place of service and modifier; a day with any
     * session attended in the room is billed as in person.
     */
    private static void codesOfTheDay(Charge charge, Payer payer, boolean byTelehealth) {
        charge.placeOfService = byTelehealth ? payer.telehealthPlaceOfService : payer.placeOfService;
        charge.modifier = byTelehealth ? payer.telehealthModifier : null;
    }

    /** Whether every session the patient attended that day (any minutes) was attended by telehealth. */
    private boolean byTelehealth(UUID patientId, LocalDate day) {
        List<AttendanceMode> modes = entities.createQuery("select distinct s.mode from AttendedSession s "
                + "where s.patientId = ?1 and s.sessionDate = ?2 and s.minutesAttended > 0", AttendanceMode.class)
                .setParameter(1, patientId).setParameter(2, day).getResultList();
        return modes.equals(List.of(AttendanceMode.TELEHEALTH));
    }

    /** The day's minutes of every session attended; an absence documents none. */
    private int minutesAttended(UUID patientId, LocalDate day) {
        Long minutes = entities.createQuery("select coalesce(sum(s.minutesAttended), 0) from AttendedSession s "
                + "where s.patientId = ?1 and s.sessionDate = ?2 and s.status <> ?3", Long.class)
                .setParameter(1, patientId).setParameter(2, day).setParameter(3, AttendanceStatus.ABSENT)
                .getSingleResult();
        return minutes.intValue();
    }
}
