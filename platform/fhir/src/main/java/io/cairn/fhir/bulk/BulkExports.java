package io.cairn.fhir.bulk;

import ca.uhn.fhir.parser.IParser;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.Fhir;
import io.cairn.kit.problem.InvalidParameterException;
import io.cairn.kit.problem.ProblemException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.Part2Consents;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ForbiddenException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;

/**
 * Runs this service's part of a Bulk Data export, in the background: the records of the asked types that the caller
 * may have at that moment (an EHR client: those a Part 2 consent names it for; staff: all), kept for the caller alone
 * until the job expires. A file is built from them when downloaded, with each patient's consent checked again, and
 * each record it carries to an EHR is a disclosure.
 */
@ApplicationScoped
public class BulkExports {

    private static final Logger LOG = Logger.getLogger(BulkExports.class);
    /** An export still running after this was lost with its service (a restart): it is reported failed. */
    private static final Duration STALLED_AFTER = Duration.ofMinutes(30);
    /** Records stored, and read for a file, at a time. */
    private static final int BATCH = 500;

    /** One downloaded record: its patient, for the consent check and the accounting. */
    private record Row(long seq, String resourceId, UUID patientId, RecordCategory category, String resource) {
    }

    private final DataSource dataSource;
    private final Caller caller;
    private final PatientAccess access;
    private final Instance<BulkExportSource> sources;
    private final Instance<Part2Consents> consents;
    private final Duration keepFor;
    private final Duration runFor;
    private final int maxRunning;
    /** Jobs deleted while queued or running here: they stop at their next record. */
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-export"));

    BulkExports(DataSource dataSource, Caller caller, PatientAccess access, Instance<BulkExportSource> sources,
            Instance<Part2Consents> consents,
            @ConfigProperty(name = "cairn.bulk-export.keep-for", defaultValue = "PT24H") Duration keepFor,
            @ConfigProperty(name = "cairn.bulk-export.run-for", defaultValue = "PT20M") Duration runFor,
            @ConfigProperty(name = "cairn.bulk-export.max-running-per-caller", defaultValue = "2") int maxRunning) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.access = access;
        this.sources = sources;
        this.consents = consents;
        this.keepFor = keepFor;
        this.runFor = runFor;
        this.maxRunning = maxRunning;
    }

    /** The types this service exports, from all its sources; none when it has none. */
    public Set<String> exportedTypes() {
        Set<String> types = new TreeSet<>();
        sources.forEach(source -> types.addAll(source.exportedTypes()));
        return types;
    }

    /**
     * Starts the caller's export of the types this service holds among {@code types} (all of them when empty), of what
     * changed since {@code since}, of the {@code patients} named (a Group's members) or of every patient when null;
     * {@code request} is the kick-off's URL, for the manifest.
     */
    public void start(UUID jobId, Set<String> types, Instant since, Set<UUID> patients, List<String> parts,
            String request) {
        Set<String> unknown = new TreeSet<>(types);
        unknown.removeAll(exportedTypes());
        if (!unknown.isEmpty()) {
            // Every type asked of this service is one it exports: an export never leaves out a type it was asked for.
            throw new InvalidParameterException("_type", "names types not exported yet: " + unknown);
        }
        Set<String> asked = new TreeSet<>(types.isEmpty() ? exportedTypes() : types);
        asked.retainAll(exportedTypes());
        String client = caller.isStaff() ? null : caller.clientId().orElse(null);
        if (!caller.isStaff() && client == null) {
            throw new ForbiddenException("An EHR's token names its client (azp or client_id)");
        }
        if (!caller.isStaff()) {
            sources.forEach(source -> asked.removeAll(source.staffOnlyTypes()));
        }
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            // Counted and made under the caller's lock: two kick-offs at once cannot both pass the limit.
            update("SELECT pg_advisory_xact_lock(hashtext(?))", "bulk-export/" + caller.name());
            if (running(caller.name()) >= maxRunning) {
                // One client's exports never queue up ahead of everyone else's.
                throw new ProblemException(429, "too-many-exports", "Too Many Exports", "You have " + maxRunning
                        + " exports running; wait for one to finish, or cancel one, before starting another");
            }
            update("""
                    INSERT INTO bulk_export_job (id, caller, client_id, staff, request, types, since, patients, parts,
                                                 status, requested_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, jobId, caller.name(), client, caller.isStaff(), request, asked.toArray(String[]::new),
                    since == null ? null : Timestamp.from(since), patients == null ? null : patients.toArray(UUID[]::new),
                    parts == null ? null : parts.toArray(String[]::new),
                    BulkExportJob.IN_PROGRESS, Timestamp.from(now), Timestamp.from(now.plus(keepFor)));
        });
        Set<UUID> members = patients == null ? null : Set.copyOf(patients);
        runner.execute(() -> run(jobId, now, asked, since, members, client));
    }

    /** The caller's exports still running (not those lost with a restart). */
    private long running(String callerName) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement count = connection.prepareStatement("""
                            SELECT count(*) FROM bulk_export_job
                            WHERE caller = ? AND status = ? AND requested_at > ? AND expires_at > now()""")) {
                count.setString(1, callerName);
                count.setString(2, BulkExportJob.IN_PROGRESS);
                count.setTimestamp(3, Timestamp.from(Instant.now().minus(STALLED_AFTER)));
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** The caller's job, with what it found of each type, or a 404 for anyone else's. */
    public BulkExportJob status(UUID jobId) {
        return job(jobId, true);
    }

    /**
     * Answers 404 unless the caller's job is complete and was asked for the type: checked before a file is sent,
     * without counting what the job found.
     */
    public void requireFile(UUID jobId, String type) {
        BulkExportJob job = job(jobId, false);
        if (!BulkExportJob.COMPLETE.equals(job.status()) || !job.types().contains(type)) {
            throw new ResourceNotFoundException("Export file", jobId + "/" + type);
        }
    }

    /** The caller's job, what it found of each type counted only when {@code counted}; a 404 for anyone else's. */
    private BulkExportJob job(UUID jobId, boolean counted) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement("""
                            SELECT status, request, requested_at, completed_at, expires_at, error, types, parts
                            FROM bulk_export_job
                            WHERE id = ? AND caller = ? AND expires_at > now()""")) {
                select.setObject(1, jobId);
                select.setString(2, caller.name());
                try (ResultSet job = select.executeQuery()) {
                    if (!job.next()) {
                        throw new ResourceNotFoundException("Export", jobId);
                    }
                    String status = job.getString(1);
                    List<String> types = texts(job.getArray(7));
                    List<String> parts = texts(job.getArray(8));
                    Instant requestedAt = instant(job, 3);
                    if (BulkExportJob.IN_PROGRESS.equals(status) && requestedAt.plus(STALLED_AFTER)
                            .isBefore(Instant.now())) {
                        // Its service stopped while it ran (the queue is in memory): the client is told to start
                        // another, not kept waiting until it expires.
                        return new BulkExportJob(BulkExportJob.FAILED, job.getString(2), requestedAt, null,
                                instant(job, 5), "The export stopped before it was done; start another", types,
                                Map.of(), parts);
                    }
                    return new BulkExportJob(status, job.getString(2), requestedAt, instant(job, 4),
                            instant(job, 5), job.getString(6), types,
                            counted ? counts(connection, jobId, types) : Map.of(), parts);
                }
            }
        });
    }

    /**
     * Writes the job's records of one type as NDJSON, one resource a line, a page at a time: for an EHR client, only
     * those whose patient's consent still names it, each page recorded as disclosed before it is sent.
     */
    public void file(UUID jobId, String type, OutputStream out) throws IOException {
        Map<String, Boolean> mayRead = new HashMap<>();
        long after = 0;
        while (true) {
            long from = after;
            List<Row> page = QuarkusTransaction.requiringNew().call(() -> rows(jobId, type, from));
            if (page.isEmpty()) {
                return;
            }
            after = page.get(page.size() - 1).seq();
            Map<RecordCategory, List<Row>> released = new LinkedHashMap<>();
            for (Row row : page) {
                if (mayRead.computeIfAbsent(row.patientId() + "/" + row.category(),
                        key -> access.mayRead(row.patientId(), row.category()))) {
                    released.computeIfAbsent(row.category(), c -> new ArrayList<>()).add(row);
                }
            }
            QuarkusTransaction.requiringNew().run(() -> released.forEach((category, kept) -> access.readAll(category,
                    type, kept, Row::resourceId, Row::patientId)));
            for (List<Row> kept : released.values()) {
                for (Row row : kept) {
                    out.write(row.resource().getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
            out.flush();
        }
    }

    /** Deletes the caller's job and what it found. */
    public void delete(UUID jobId) {
        if (BulkExportJob.IN_PROGRESS.equals(job(jobId, false).status())) {
            // Running here, it stops at its next record; its row, which the run holds, is expired now (gone for the
            // caller) and deleted with what it stored by the clean-up.
            cancelled.add(jobId);
            QuarkusTransaction.requiringNew().run(() -> update(
                    "UPDATE bulk_export_job SET expires_at = now() WHERE id = ?", jobId));
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> update("DELETE FROM bulk_export_job WHERE id = ?", jobId));
    }

    /** Expired exports are deleted with everything they found. */
    @Scheduled(every = "${cairn.bulk-export.cleanup-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        QuarkusTransaction.requiringNew().run(() -> update("DELETE FROM bulk_export_job WHERE expires_at <= now()"));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        runner.shutdownNow();
    }

    private void run(UUID jobId, Instant requestedAt, Set<String> types, Instant since, Set<UUID> patients,
            String client) {
        if (cancelled.remove(jobId)) {
            return;
        }
        if (requestedAt.plus(STALLED_AFTER.minus(runFor)).isBefore(Instant.now())) {
            // Queued so long it could not finish before it is reported stalled: it fails now, not after it was told so.
            failed(jobId, "The export waited too long behind others; start another");
            return;
        }
        try {
            QuarkusTransaction.requiringNew().timeout((int) runFor.toSeconds()).run(() -> {
                store(jobId, types, since, patients, client);
                update("UPDATE bulk_export_job SET status = ?, completed_at = ? WHERE id = ?", BulkExportJob.COMPLETE,
                        Timestamp.from(Instant.now()), jobId);
            });
        } catch (CancellationException e) {
            LOG.infof("Export %s was cancelled while it ran", jobId);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Export %s failed", jobId);
            failed(jobId, "The export could not be completed; start another");
        } finally {
            cancelled.remove(jobId);
        }
    }

    private void failed(UUID jobId, String why) {
        QuarkusTransaction.requiringNew().run(() -> update(
                "UPDATE bulk_export_job SET status = ?, error = ?, completed_at = ? WHERE id = ?",
                BulkExportJob.FAILED, why, Timestamp.from(Instant.now()), jobId));
    }

    /**
     * Reads each source's records once, as a stream, and stores those the caller may have in batches: an export of
     * the whole program never holds it in memory at once. A cancel stops it at the next record.
     */
    private void store(UUID jobId, Set<String> types, Instant since, Set<UUID> patients, String client) {
        Map<String, Boolean> released = new HashMap<>();
        IParser json = Fhir.context().newJsonParser().setPrettyPrint(false);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO bulk_export_resource (job_id, resource_type, resource_id, patient_id, category,
                                                          resource)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
            int batched = 0;
            for (BulkExportSource source : sources) {
                Set<String> own = new TreeSet<>(types);
                own.retainAll(source.exportedTypes());
                if (own.isEmpty()) {
                    continue;
                }
                try (Stream<BulkExportSource.Exported> exported = source.export(own, since)) {
                    Iterator<BulkExportSource.Exported> records = exported.iterator();
                    while (records.hasNext()) {
                        BulkExportSource.Exported record = records.next();
                        if (cancelled.contains(jobId)) {
                            throw new CancellationException();
                        }
                        if (since != null && !changedSince(record.resource(), since)
                                || patients != null && !patients.contains(record.patientId())) {
                            continue;
                        }
                        // An EHR's export holds only what a consent releases to it now; downloading checks again.
                        if (client != null && !released.computeIfAbsent(record.patientId() + "/" + record.category(),
                                key -> consents.isResolvable() && consents.get().allowsDisclosure(record.patientId(),
                                        client, record.category()))) {
                            continue;
                        }
                        insert.setObject(1, jobId);
                        insert.setString(2, record.resource().fhirType());
                        insert.setString(3, record.resource().getIdElement().getIdPart());
                        insert.setObject(4, record.patientId());
                        insert.setString(5, record.category().name());
                        insert.setString(6, json.encodeResourceToString(record.resource()));
                        insert.addBatch();
                        if (++batched % BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The export could not be stored", e);
        }
    }

    /** What the job found of each type it was asked for (a type with nothing found counts 0). */
    private static Map<String, Long> counts(Connection connection, UUID jobId, List<String> types)
            throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        types.forEach(type -> counts.put(type, 0L));
        try (PreparedStatement count = connection.prepareStatement("""
                SELECT resource_type, count(*) FROM bulk_export_resource WHERE job_id = ? GROUP BY resource_type""")) {
            count.setObject(1, jobId);
            try (ResultSet row = count.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return counts;
    }

    /** One page of the job's records of a type, those after {@code seq}. */
    private List<Row> rows(UUID jobId, String type, long after) {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT seq, resource_id, patient_id, category, resource FROM bulk_export_resource
                        WHERE job_id = ? AND resource_type = ? AND seq > ? ORDER BY seq LIMIT ?""")) {
            select.setObject(1, jobId);
            select.setString(2, type);
            select.setLong(3, after);
            select.setInt(4, BATCH);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(row.getLong(1), row.getString(2), row.getObject(3, UUID.class),
                            RecordCategory.valueOf(row.getString(4)), row.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The export could not be read", e);
        }
        return rows;
    }

    private void update(String sql, Object... parameters) {
        QuarkusTransaction.joiningExisting().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    Object parameter = parameters[i];
                    if (parameter instanceof String[] array) {
                        statement.setArray(i + 1, connection.createArrayOf("text", array));
                    } else if (parameter instanceof UUID[] array) {
                        statement.setArray(i + 1, connection.createArrayOf("uuid", array));
                    } else {
                        statement.setObject(i + 1, parameter);
                    }
                }
                statement.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("Export storage unavailable", e);
            }
        });
    }

    /**
     * Whether the record may have changed after {@code since}: one without a time is kept, and so is one in the same
     * millisecond ({@code meta.lastUpdated} has no finer), lest a change be missed.
     */
    private static boolean changedSince(Resource resource, Instant since) {
        Date lastUpdated = resource.getMeta().getLastUpdated();
        return lastUpdated == null || !lastUpdated.toInstant().isBefore(since.truncatedTo(ChronoUnit.MILLIS));
    }

    private static List<String> texts(Array column) throws SQLException {
        return column == null ? List.of() : List.of((String[]) column.getArray());
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
