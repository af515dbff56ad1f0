package io.cairn.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service owns a path: the first segment after {@code /api/v1/}, as ARCHITECTURE.md's table gives it. A
 * patient's schedule and hours live in scheduling although {@code /patients} is intake's.
 */
public final class RouteTable {

    public static final String API_PREFIX = "/api/v1/";

    private static final Pattern SCHEDULING_PATIENT_VIEWS = Pattern.compile(
            "^/api/v1/patients/[^/]+/(schedule|schedule\\.ics|hours)/?$");

    private static final Map<String, Backend> OWNERS = Map.ofEntries(
            Map.entry("patients", Backend.INTAKE),
            Map.entry("referrals", Backend.INTAKE),
            Map.entry("consents", Backend.INTAKE),
            Map.entry("assessments", Backend.INTAKE),
            Map.entry("screeners", Backend.INTAKE),
            Map.entry("treatment-plans", Backend.TREATMENT_PLAN),
            Map.entry("tracks", Backend.SCHEDULING),
            Map.entry("sessions", Backend.SCHEDULING),
            Map.entry("enrollments", Backend.SCHEDULING),
            Map.entry("attendance", Backend.SCHEDULING),
            Map.entry("hours", Backend.SCHEDULING),
            Map.entry("aftercare-referrals", Backend.AFTERCARE),
            Map.entry("check-ins", Backend.AFTERCARE),
            Map.entry("outcomes", Backend.AFTERCARE));

    private RouteTable() {
    }

    /** The owner of {@code path} (without query), or empty when no service serves it. */
    public static Optional<Backend> ownerOf(String path) {
        if (!path.startsWith(API_PREFIX)) {
            return Optional.empty();
        }
        if (SCHEDULING_PATIENT_VIEWS.matcher(path).matches()) {
            return Optional.of(Backend.SCHEDULING);
        }
        String rest = path.substring(API_PREFIX.length());
        int slash = rest.indexOf('/');
        return Optional.ofNullable(OWNERS.get(slash < 0 ? rest : rest.substring(0, slash)));
    }

    /** The route's name for metrics and logs: its first segment, never the ids that follow. */
    public static String routeName(String path) {
        if (!path.startsWith(API_PREFIX)) {
            return "other";
        }
        String rest = path.substring(API_PREFIX.length());
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        return OWNERS.containsKey(first) ? first : "unknown";
    }
}
