package io.cairn.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A clinic network at scale, bulk-loaded with PostgreSQL's COPY straight into the services' own tables (the API
 * would take hours for five million rows): patients in intake; tracks of 200 patients with three 3-hour evening
 * groups a week, every patient enrolled and attending each past session, in scheduling; a fifth of the patients in
 * aftercare with their four check-ins. Ids are made from counters, so each index grows at its end.
 */
final class ScaleData {

    static final int PATIENTS_PER_TRACK = 200;
    private static final int CHECK_INS_PER_REFERRAL = 4;
    private static final int[] MILESTONES = { 7, 30, 90, 180 };
    static final String[] FAMILY_STEMS = { "Reyes", "Park", "Ortiz", "Nguyen", "Okafor", "Schmidt", "Haddad",
            "Kowalski", "Silva", "Tanaka", "Moreau", "Ivanova", "Mensah", "Larsen", "Costa", "Fischer", "Khan",
            "Murphy", "Rossi", "Dubois" };
    private static final String[] GIVEN = { "Dana", "Lee", "Sam", "Alex", "Jordan", "Riley", "Casey", "Morgan",
            "Avery", "Quinn" };

    private final int patients;
    private final int sessionsPerTrack;
    private final Random random = new Random(20261125);
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    ScaleData(int patients, int attendanceRows) {
        this.patients = patients;
        this.sessionsPerTrack = attendanceRows / patients;
    }

    static UUID id(int kind, long counter) {
        return new UUID(0xCA1B_0000_0000_4000L | ((long) kind << 32), 0x8000_0000_0000_0000L | counter);
    }

    /** A family name: one of the stems and a number, so that a prefix search finds a realistic share. */
    static String familyName(int patient) {
        return FAMILY_STEMS[patient % FAMILY_STEMS.length] + (patient / FAMILY_STEMS.length % 500);
    }

    void load() throws Exception {
        try (Connection intake = connect("intake")) {
            copy(intake, "patient (id, given_name, family_name, birth_date, sex, age_group, preferred_schedule, "
                    + "created_at, updated_at, version)", patients,
                    (i, row) -> row.append(id(1, i)).append(',')
                            .append(GIVEN[i % GIVEN.length]).append(',').append(familyName(i)).append(',')
                            .append(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000))).append(",FEMALE,ADULT,EVENING,")
                            .append(Instant.now()).append(',').append(Instant.now()).append(",0\n"));
            analyze(intake);
        }
        List<Instant> slots = sessionSlots();
        int tracks = (patients + PATIENTS_PER_TRACK - 1) / PATIENTS_PER_TRACK;
        try (Connection scheduling = connect("scheduling")) {
            copy(scheduling, "track (id, name, schedule_type, age_group, blocks, capacity, facilitator_id, "
                    + "active_from, version)", tracks,
                    (t, row) -> row.append(id(2, t)).append(",Evening track ")
                            .append(t).append(",EVENING,ADULT,[],").append(PATIENTS_PER_TRACK).append(",facilitator-")
                            .append(t % 50).append(',').append(today.minusYears(1)).append(",0\n"));
            copy(scheduling, "session (id, track_id, kind, group_type, title, facilitator_id, capacity, starts_at, "
                    + "ends_at, version)", tracks * slots.size(), (s, row) -> {
                        int track = s / slots.size();
                        Instant start = slots.get(s % slots.size());
                        row.append(id(3, s)).append(',').append(id(2, track)).append(",GROUP,CBT_SKILLS,CBT skills,")
                                .append("facilitator-").append(track % 50).append(',').append(PATIENTS_PER_TRACK)
                                .append(',').append(start).append(',').append(start.plusSeconds(3 * 3600))
                                .append(",0\n");
                    });
            copy(scheduling, "enrollment (id, patient_id, plan_id, track_id, status, weekly_hours_target, population, "
                    + "preferred_schedule, starts_on, decided_at, version)", patients,
                    (p, row) -> row.append(id(4, p))
                            .append(',').append(id(1, p)).append(',').append(id(5, p)).append(',')
                            .append(id(2, p / PATIENTS_PER_TRACK)).append(",ENROLLED,9.0,ADULT,EVENING,")
                            .append(today.minusWeeks(18)).append(',').append(Instant.now()).append(",0\n"));
            copy(scheduling, "attendance (id, session_id, patient_id, status, minutes_attended, session_date, "
                    + "iso_week, recorded_by, recorded_at)", patients * slots.size(), (a, row) -> {
                        int patient = a / slots.size();
                        int slot = a % slots.size();
                        int session = patient / PATIENTS_PER_TRACK * slots.size() + slot;
                        LocalDate day = slots.get(slot).atZone(ZoneOffset.UTC).toLocalDate();
                        int roll = random.nextInt(10);
                        String status = roll < 8 ? "PRESENT,180" : roll < 9 ? "LATE,150" : "ABSENT,0";
                        row.append(id(6, a)).append(',').append(id(3, session)).append(',').append(id(1, patient))
                                .append(',').append(status).append(',').append(day).append(',')
                                .append(isoWeek(day)).append(",clinician,").append(slots.get(slot).plusSeconds(3 * 3600))
                                .append('\n');
                    });
            analyze(scheduling);
        }
        int referrals = patients / 5;
        try (Connection aftercare = connect("aftercare")) {
            copy(aftercare, "aftercare_referral (id, patient_id, plan_id, outreach, discharged_on, case_manager, "
                    + "items, created_at, version)", referrals,
                    (r, row) -> row.append(id(7, r)).append(',')
                            .append(id(1, r * 5)).append(',').append(id(5, r * 5)).append(",false,")
                            .append(dischargedOn(r)).append(",case-manager,[],").append(Instant.now()).append(",0\n"));
            copy(aftercare, "check_in (id, referral_id, patient_id, milestone_days, due_on, window_opens_on, "
                    + "window_closes_on, status, version)", referrals * CHECK_INS_PER_REFERRAL, (c, row) -> {
                        int referral = c / CHECK_INS_PER_REFERRAL;
                        int milestone = MILESTONES[c % CHECK_INS_PER_REFERRAL];
                        LocalDate due = dischargedOn(referral).plusDays(milestone);
                        String status = due.plusDays(3).isBefore(today) ? (random.nextInt(5) == 0 ? "MISSED"
                                : "COMPLETED") : "SCHEDULED";
                        row.append(id(8, c)).append(',').append(id(7, referral)).append(',')
                                .append(id(1, referral * 5)).append(',').append(milestone).append(',').append(due)
                                .append(',').append(due.minusDays(3)).append(',').append(due.plusDays(3)).append(',')
                                .append(status).append(",0\n");
                    });
            analyze(aftercare);
        }
    }

    /** Discharges spread over the last 200 days. */
    private LocalDate dischargedOn(int referral) {
        return today.minusDays(referral % 200);
    }

    /** The last sessions before now on Monday, Wednesday and Friday at 18:00 UTC, oldest first. */
    List<Instant> sessionSlots() {
        List<Instant> slots = new ArrayList<>();
        LocalDate day = today;
        Instant now = Instant.now();
        while (slots.size() < sessionsPerTrack) {
            DayOfWeek weekday = day.getDayOfWeek();
            Instant start = day.atTime(18, 0).toInstant(ZoneOffset.UTC);
            if ((weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.WEDNESDAY || weekday == DayOfWeek.FRIDAY)
                    && start.plusSeconds(3 * 3600).isBefore(now)) {
                slots.add(0, start);
            }
            day = day.minusDays(1);
        }
        return slots;
    }

    LocalDate monday() {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, "cairn", "cairn");
    }

    /** Writes one CSV row of a table. */
    private interface Row {
        void write(int index, StringBuilder row);
    }

    private static void copy(Connection connection, String table, int rows, Row writer) throws Exception {
        Report.progress("scale: loading " + rows + " rows into " + table.substring(0, table.indexOf(' ')));
        try (Statement session = connection.createStatement()) {
            session.execute("SET synchronous_commit = off");
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table
                + " FROM STDIN (FORMAT csv)");
        StringBuilder chunk = new StringBuilder(1 << 20);
        for (int i = 0; i < rows; i++) {
            writer.write(i, chunk);
            if (chunk.length() > (1 << 20) - 1024) {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                chunk.setLength(0);
            }
        }
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
    }

    private static void analyze(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }
}
