package io.cairn.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service owns a path: the first segment after {@code /api/v1/}, as ARCHITECTURE.md's table gives it, or the
 * resource type after {@code /fhir/r4/}. A patient's schedule and hours live in scheduling, and their measures in
 * treatment-plan, although {@code /patients} is intake's.
 */
public final class RouteTable {

    public static final String API_PREFIX = "/api/v1/";
    public static final String FHIR_PREFIX = "/fhir/r4/";

    private static final Pattern SCHEDULING_PATIENT_VIEWS = Pattern.compile(
            "^/api/v1/patients/[^/]+/(schedule|schedule\\.ics|hours)/?$");
    private static final Pattern TREATMENT_PLAN_PATIENT_VIEWS = Pattern.compile(
            "^/api/v1/patients/[^/]+/measures(/due|/schedule)?/?$");

    private static final Map<String, Backend> OWNERS = Map.ofEntries(
            Map.entry("patients", Backend.INTAKE),
            Map.entry("referrals", Backend.INTAKE),
            Map.entry("consents", Backend.INTAKE),
            Map.entry("assessments", Backend.INTAKE),
            Map.entry("screeners", Backend.INTAKE),
            Map.entry("treatment-plans", Backend.TREATMENT_PLAN),
            Map.entry("measure-outcomes", Backend.TREATMENT_PLAN),
            Map.entry("tracks", Backend.SCHEDULING),
            Map.entry("sessions", Backend.SCHEDULING),
            Map.entry("enrollments", Backend.SCHEDULING),
            Map.entry("attendance", Backend.SCHEDULING),
            Map.entry("hours", Backend.SCHEDULING),
            Map.entry("aftercare-referrals", Backend.AFTERCARE),
            Map.entry("check-ins", Backend.AFTERCARE),
            Map.entry("outcomes", Backend.AFTERCARE),
            Map.entry("tasks", Backend.WORKLIST),
            // Every service keeps its own audit log: a search is merged from all (MergedAuditTrail); anything else
            // under the path (a write, a record's own path) is intake's to refuse.
            Map.entry("audit-events", Backend.INTAKE));

    /**
     * The FHIR R4 resource types each service serves (aftercare referrals are Tasks: ServiceRequest is intake's). Three
     * have two, read from whichever holds the id and searched in both, in this order ({@link SharedFhirType}): Task
     * (aftercare's follow-ups, the worklist's tasks), and Observation and QuestionnaireResponse (the screeners of
     * intake's assessments, the re-screens of treatment-plan's measures).
     */
    private static final Map<String, List<Backend>> FHIR_OWNERS = Map.ofEntries(
            Map.entry("Patient", List.of(Backend.INTAKE)),
            Map.entry("ServiceRequest", List.of(Backend.INTAKE)),
            Map.entry("Consent", List.of(Backend.INTAKE)),
            Map.entry("QuestionnaireResponse", List.of(Backend.INTAKE, Backend.TREATMENT_PLAN)),
            Map.entry("Observation", List.of(Backend.INTAKE, Backend.TREATMENT_PLAN)),
            Map.entry("Subscription", List.of(Backend.INTAKE)),
            Map.entry("CarePlan", List.of(Backend.TREATMENT_PLAN)),
            Map.entry("Goal", List.of(Backend.TREATMENT_PLAN)),
            Map.entry("Appointment", List.of(Backend.SCHEDULING)),
            Map.entry("Encounter", List.of(Backend.SCHEDULING)),
            Map.entry("Task", List.of(Backend.AFTERCARE, Backend.WORKLIST)),
            Map.entry("EpisodeOfCare", List.of(Backend.AFTERCARE)),
            Map.entry("Group", List.of(Backend.SCHEDULING)),
            // Every service's audit log: a search is merged by time, and a read goes to the service whose name the id
            // starts with (MergedAuditTrail).
            Map.entry("AuditEvent", List.of(Backend.values())));

    private RouteTable() {
    }

    /** The owner of {@code path} (without query), or empty when no service serves it. */
    public static Optional<Backend> ownerOf(String path) {
        if (path.startsWith(FHIR_PREFIX)) {
            return fhirOwnersOf(path).stream().findFirst();
        }
        if (!path.startsWith(API_PREFIX)) {
            return Optional.empty();
        }
        if (SCHEDULING_PATIENT_VIEWS.matcher(path).matches()) {
            return Optional.of(Backend.SCHEDULING);
        }
        if (TREATMENT_PLAN_PATIENT_VIEWS.matcher(path).matches()) {
            return Optional.of(Backend.TREATMENT_PLAN);
        }
        return Optional.ofNullable(OWNERS.get(firstSegment(path, API_PREFIX)));
    }

    /** The services that serve the FHIR resource type of {@code path}, in the order a search merges them. */
    public static List<Backend> fhirOwnersOf(String path) {
        return path.startsWith(FHIR_PREFIX) ? FHIR_OWNERS.getOrDefault(fhirType(path), List.of()) : List.of();
    }

    /** The resource type a FHIR path names, such as {@code Task} for {@code /fhir/r4/Task/5e}. */
    public static String fhirType(String path) {
        return firstSegment(path, FHIR_PREFIX);
    }

    /** The route's name for metrics and logs: its first segment, never the ids that follow. */
    public static String routeName(String path) {
        if (path.startsWith(FHIR_PREFIX)) {
            String type = firstSegment(path, FHIR_PREFIX);
            return FHIR_OWNERS.containsKey(type) ? "fhir/" + type : "fhir/unknown";
        }
        if (!path.startsWith(API_PREFIX)) {
            return "other";
        }
        String first = firstSegment(path, API_PREFIX);
        return OWNERS.containsKey(first) ? first : "unknown";
    }

    /** Whether the gateway answers in FHIR's words (OperationOutcome) rather than problem+json. */
    public static boolean isFhir(String path) {
        return path != null && (path.equals("/fhir") || path.startsWith("/fhir/"));
    }

    private static String firstSegment(String path, String prefix) {
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
