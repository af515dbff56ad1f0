package io.cairn.systemtests.attacks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.systemtests.Platform;
import io.cairn.systemtests.faults.Api;
import io.cairn.systemtests.faults.Databases;
import io.cairn.systemtests.faults.EventLog;
import io.cairn.systemtests.faults.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the merged OpenAPI document × every caller: each staff role, a patient on their own and on another
 * patient's records, the EHR with and without a Part 2 consent, no token, and tokens expired, not yet valid, signed
 * by a stranger, {@code alg: none}, from another issuer, for another audience or with tampered claims. The roles the
 * document gives each operation are the expectation; the run fails on any violation and writes the whole matrix to
 * {@code target/access-matrix.md}. Every read of patient data in the run must have its audit record.
 */
class AccessMatrixIT {

    static final Map<String, String> STAFF = new LinkedHashMap<>();
    static {
        STAFF.put("intake-coordinator", "coordinator");
        STAFF.put("clinician", "clinician");
        STAFF.put("scheduler", "scheduler");
        STAFF.put("case-manager", "case-manager");
        STAFF.put("program-director", "director");
    }

    /** One column of the matrix: who calls, with which token, about whose records. */
    record Caller(String name, String role, String token, boolean aboutOther, boolean forged) {
    }

    /** One cell's outcome, kept for the matrix and for the audit count. */
    record Cell(ApiDocument.Operation operation, Caller caller, String traceId, Api.Answer answer, String violation) {
    }

    private final SecureRandom random = new SecureRandom();

    @Test
    void everyOperationAnswersEveryCallerAsItsRolesSayAndEveryReadIsAudited() throws Exception {
        TwoPatients patients = new TwoPatients();
        ApiDocument document = ApiDocument.load();
        HostileRequests ownRecords = new HostileRequests(document, patients.own);
        HostileRequests otherRecords = new HostileRequests(document, patients.other);
        String ehr = Platform.ehrToken();
        Api gateway = new Api(Platform.GATEWAY);
        List<Cell> cells = new ArrayList<>();
        try (Forgeries forgeries = new Forgeries(Platform.tokenOf("clinician", "clinician"))) {
            List<Caller> callers = new ArrayList<>();
            STAFF.forEach((role, user) -> callers.add(new Caller(role, role, Platform.tokenOf(user, user), false,
                    false)));
            callers.add(new Caller("patient, own records", "patient", patients.ownToken, false, false));
            callers.add(new Caller("patient, another's", "patient", patients.ownToken, true, false));
            callers.add(new Caller("EHR, consented", "ehr-integration", ehr, false, false));
            callers.add(new Caller("EHR, no consent", "ehr-integration", ehr, true, false));
            callers.add(new Caller("no token", null, null, false, true));
            forgeries.all().forEach((name, token) -> callers.add(new Caller(name, null, token, false, true)));

            // The key added for the forgeries is trusted: a proper token signed with it is accepted.
            // (The gateway and the service fetch the new key on its first use, at most once every 30 s.)
            String control = forgeries.trustedControl();
            await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> gateway.get("/screeners", control).status() == 200);

            // Reads first, then writes, so no write (a revoked consent, a discharge) changes what a read may see.
            List<ApiDocument.Operation> operations = new ArrayList<>(document.operations());
            operations.sort((a, b) -> Boolean.compare(a.writes(), b.writes()));
            for (ApiDocument.Operation operation : operations) {
                for (Caller caller : callers) {
                    HostileRequests records = caller.aboutOther() ? otherRecords : ownRecords;
                    String traceId = HexFormat.of().formatHex(random.generateSeed(16));
                    HostileRequests.HostileRequest request = new HostileRequests.HostileRequest("matrix",
                            operation.method(), records.concretePath(operation) + query(operation, records),
                            operation.takesBody() ? "application/json" : null, operation.takesBody()
                                    ? Api.bytesOf(records.sample(operation.body(), 0))
                                    : null);
                    Api.Answer answer = request.sendTo(gateway, caller.token(), Map.of("Accept", "*/*", "traceparent",
                            "00-" + traceId + "-" + HexFormat.of().formatHex(random.generateSeed(8)) + "-01"));
                    cells.add(new Cell(operation, caller, traceId, answer, judge(operation, caller, answer,
                            patients.markersOfOther())));
                }
            }
        }

        List<Cell> violations = cells.stream().filter(c -> c.violation() != null).toList();
        Audit audit = audit(cells, patients);
        writeMatrix(cells);
        Report.figures("access matrix",
                "operations=%d, callers=%d, requests=%d, violations=%d; reads of patient data=%d, with their audit record=%d"
                        .formatted(cells.stream().map(c -> c.operation().name()).distinct().count(),
                                cells.stream().map(c -> c.caller().name()).distinct().count(), cells.size(),
                                violations.size(), audit.reads(), audit.audited()));
        violations.stream().limit(100).forEach(c -> System.out.println("[access matrix] " + c.operation().name()
                + " as " + c.caller().name() + ": " + c.violation() + " — " + c.answer()));
        assertEquals(List.of(), violations.stream().limit(10).map(c -> c.operation().name() + " as "
                + c.caller().name() + ": " + c.violation()).toList(), violations.size() + " violations");
        assertTrue(audit.reads() > 0, "the run read patient data");
        assertEquals(List.of(), audit.missing().stream().limit(10).toList(), "reads without an audit record");
    }

    /** What the caller must get: the document's roles decide; another patient's records are never shown. */
    static String judge(ApiDocument.Operation operation, Caller caller, Api.Answer answer, List<String> otherMarkers) {
        int status = answer.status();
        if (status == 0 || status >= 500) {
            return "failed with " + status;
        }
        if (caller.forged()) {
            return status == 401 ? null : "expected 401";
        }
        // A write's answer may repeat what the caller sent (the patient id it named): only what it did not send counts.
        List<String> notSent = operation.writes() ? otherMarkers.subList(1, otherMarkers.size()) : otherMarkers;
        boolean sawOther = status < 300 && notSent.stream().anyMatch(answer.body()::contains);
        boolean staff = STAFF.containsKey(caller.role());
        if (!staff && sawOther) {
            return "another patient's record shown";
        }
        // No roles in the document: any authenticated caller (the screener catalogue).
        boolean allowed = operation.roles().isEmpty() || operation.roles().contains(caller.role());
        if (!allowed) {
            return status == 403 ? null : "expected 403";
        }
        if (status == 401 || status == 403) {
            return "refused although the role may call it";
        }
        if (!staff && !caller.aboutOther() && status == 404 && !operation.writes()) {
            return "own or consented record not found";
        }
        return null;
    }

    /** The operation's query parameters that name a patient, filled in with the caller's target. */
    private static String query(ApiDocument.Operation operation, HostileRequests records) {
        for (var parameter : operation.queryParameters()) {
            if (parameter.path("name").asText().equals("patientId")) {
                return "?patientId=" + records.idOf("patient");
            }
        }
        return "";
    }

    record Audit(int reads, int audited, List<String> missing) {
    }

    /** Each successful read whose answer carries a patient's id must have an audit record under its trace id. */
    private static Audit audit(List<Cell> cells, TwoPatients patients) {
        await().atMost(Duration.ofSeconds(30)).until(EventLog::allConsumed);
        Set<String> patientIds = Set.of(patients.own.get("patient"), patients.other.get("patient"));
        int reads = 0;
        int audited = 0;
        List<String> missing = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell.operation().writes() || cell.answer().status() >= 300
                    || patientIds.stream().noneMatch(cell.answer().body()::contains)) {
                continue;
            }
            reads++;
            long records = Databases.count(HostileInputIT.owner(cell.operation().path()),
                    "SELECT count(*) FROM audit_event WHERE trace_id = ?", cell.traceId());
            if (records > 0) {
                audited++;
            } else {
                missing.add(cell.operation().name() + " as " + cell.caller().name());
            }
        }
        return new Audit(reads, audited, missing);
    }

    private static void writeMatrix(List<Cell> cells) throws IOException {
        List<String> callers = cells.stream().map(c -> c.caller().name()).distinct().toList();
        StringBuilder table = new StringBuilder(
                "# Access matrix\n\nStatus per operation and caller; `!` marks a violation.\n\n| operation | roles | "
                        + String.join(" | ", callers) + " |\n|---|---|" + "---|".repeat(callers.size()) + "\n");
        Map<String, List<Cell>> byOperation = new LinkedHashMap<>();
        cells.forEach(c -> byOperation.computeIfAbsent(c.operation().name(), k -> new ArrayList<>()).add(c));
        byOperation.forEach((operation, row) -> {
            table.append("| ").append(operation).append(" | ").append(String.join(", ", row.get(0).operation()
                    .roles())).append(" |");
            row.forEach(c -> table.append(' ').append(c.answer().status()).append(c.violation() == null ? "" : " !")
                    .append(" |"));
            table.append('\n');
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "access-matrix.md"), table);
    }
}
