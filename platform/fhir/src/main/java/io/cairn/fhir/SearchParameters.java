package io.cairn.fhir;

import io.cairn.kit.api.Changes;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.problem.InvalidParameterException;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The query of one FHIR search, checked before anything is read: a parameter the resource does not support, or one
 * given twice, is a 400 naming it, not silently ignored (an EHR would otherwise get every patient instead of one).
 */
public final class SearchParameters {

    /** A token search value, {@code system|code}. */
    public record Token(String system, String code) {
    }

    /** The header of a conditional create: the search that must find nothing for the resource to be created. */
    public static final String IF_NONE_EXIST = "If-None-Exist";
    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;
    /** Asked of every FHIR server; the answer is FHIR JSON either way. */
    private static final Set<String> FORMAT_PARAMETERS = Set.of("_format", "_pretty");
    /** The id, or several, comma-separated: a search on every resource type. */
    public static final String ID = "_id";
    /** When a resource last changed, with FHIR's prefixes; given twice for a range. The key of incremental sync. */
    public static final String LAST_UPDATED = "_lastUpdated";
    /** The order of the matches: {@code _lastUpdated} (oldest change first) or {@code -_lastUpdated}. */
    public static final String SORT = "_sort";
    /** Resources the matches reference ({@code CarePlan:goal}), and resources that reference them. */
    public static final String INCLUDE = "_include";
    public static final String REVINCLUDE = "_revinclude";
    /** What every search takes, whatever its resource type. */
    static final Set<String> COMMON = Set.of(ID, LAST_UPDATED, SORT);

    private final MultivaluedMap<String, String> query;

    private SearchParameters(MultivaluedMap<String, String> query) {
        this.query = query;
    }

    /** The request's search, allowing {@code supported} besides paging ({@code _count}, {@code _page}). */
    public static SearchParameters of(UriInfo uri, Set<String> supported) {
        return of(uri, supported, Set.of());
    }

    /**
     * {@link #of(UriInfo, Set)}, where the parameters {@code repeatable} may be given more than once (both ends of a
     * {@code date} range).
     */
    public static SearchParameters of(UriInfo uri, Set<String> supported, Set<String> repeatable) {
        Set<String> allowed = new HashSet<>(supported);
        allowed.addAll(FORMAT_PARAMETERS);
        allowed.addAll(COMMON);
        allowed.add(SearchBundles.COUNT);
        allowed.add(SearchBundles.PAGE);
        // The gateway's window into a service's share of a merged search (a shared type, a patient's $everything).
        allowed.add(SearchBundles.OFFSET);
        Set<String> named = new TreeSet<>(supported);
        named.addAll(COMMON);
        named.remove(SearchBundles.OFFSET);
        Set<String> repeated = new HashSet<>(repeatable);
        repeated.addAll(Set.of(LAST_UPDATED, INCLUDE, REVINCLUDE));
        return checked(uri.getQueryParameters(), allowed, named, repeated);
    }

    /**
     * The search of a conditional create's {@code If-None-Exist} header, a query string such as
     * {@code identifier=urn:ehr:northside:mrn|MRN-1}, allowing {@code supported} only.
     */
    public static SearchParameters ofCondition(String condition, Set<String> supported) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (String pair : condition.split("&")) {
            if (!pair.isBlank()) {
                int equals = pair.indexOf('=');
                query.add(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        if (query.isEmpty()) {
            throw new InvalidParameterException(IF_NONE_EXIST, "must be a search, e.g. identifier=system|value");
        }
        return checked(query, supported, supported, Set.of());
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(IF_NONE_EXIST, "is not a URL-encoded query string");
        }
    }

    private static SearchParameters checked(MultivaluedMap<String, String> query, Set<String> allowed,
            Set<String> supported, Set<String> repeatable) {
        for (var parameter : query.entrySet()) {
            if (!allowed.contains(parameter.getKey())) {
                throw new InvalidParameterException(parameter.getKey(),
                        "is not a search parameter here; use " + String.join(", ", new TreeSet<>(supported)));
            }
            if (parameter.getValue().size() > 1 && !repeatable.contains(parameter.getKey())) {
                throw new InvalidParameterException(parameter.getKey(), "may be given once");
            }
        }
        return new SearchParameters(query);
    }

    /** The id of a resource Cairn made; any other id names nothing here. */
    public static UUID id(String type, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(type, id);
        }
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(query.getFirst(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** A day, {@code YYYY-MM-DD}, optionally with FHIR's {@code eq} prefix; other comparisons are not supported. */
    public Optional<LocalDate> date(String name) {
        return string(name).map(value -> {
            try {
                return LocalDate.parse(value.startsWith("eq") ? value.substring(2) : value);
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException(name, "must be a day, YYYY-MM-DD");
            }
        });
    }

    /**
     * The time range a {@code date} parameter gives, once or twice: each value a day ({@code YYYY-MM-DD}, in UTC) or a
     * time with its offset, after FHIR's prefix {@code eq} (the default), {@code ge}, {@code gt}, {@code le} or
     * {@code lt}. {@code date=ge2026-12-01&date=lt2026-12-08} is the first week of December.
     */
    public TimeRange timeRange(String name) {
        TimeRange range = TimeRange.ALL;
        for (String value : Optional.ofNullable(query.get(name)).orElse(List.of())) {
            range = range.within(TimeRange.of(name, value.strip()));
        }
        return range;
    }

    /** The ids {@code _id} asks for, if it does: a resource Cairn made has a UUID, so any other id matches none. */
    public Optional<Set<String>> ids() {
        return string(ID).map(value -> java.util.Arrays.stream(value.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** When the matches last changed: {@code _lastUpdated}, as {@link #timeRange} reads a date. */
    public TimeRange lastUpdated() {
        return timeRange(LAST_UPDATED);
    }

    /**
     * What {@code _id} and {@code _lastUpdated} select (a search that names neither, any resource), read from the query
     * once for all the matches it is applied to.
     */
    public Predicate<Resource> selection() {
        Optional<Set<String>> ids = ids();
        TimeRange changed = lastUpdated();
        return resource -> {
            if (ids.isPresent() && !ids.get().contains(resource.getIdElement().getIdPart())) {
                return false;
            }
            if (changed.equals(TimeRange.ALL)) {
                return true;
            }
            java.util.Date lastUpdated = resource.getMeta().getLastUpdated();
            return lastUpdated != null && changed.contains(lastUpdated.toInstant());
        };
    }

    /** The order {@code _sort} asks for. */
    public Changes.Order order() {
        return string(SORT).map(value -> switch (value) {
            case LAST_UPDATED -> Changes.Order.OLDEST_CHANGE_FIRST;
            case "-" + LAST_UPDATED -> Changes.Order.NEWEST_CHANGE_FIRST;
            default -> throw new InvalidParameterException(SORT, "must be _lastUpdated or -_lastUpdated");
        }).orElse(Changes.Order.AS_LISTED);
    }

    /** {@code _id}, {@code _lastUpdated} and {@code _sort}, for a search that reads its matches page by page. */
    public Changes changes() {
        Set<UUID> uuids = ids().map(given -> given.stream().flatMap(id -> {
            try {
                return java.util.stream.Stream.of(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                return java.util.stream.Stream.empty(); // an id Cairn never gave names nothing
            }
        }).collect(java.util.stream.Collectors.toUnmodifiableSet())).orElse(null);
        TimeRange changed = lastUpdated();
        return new Changes(uuids, changed.from(), changed.to(), order());
    }

    /**
     * The {@code _include} (or {@code _revinclude}) values asked, each one of {@code supported}, such as
     * {@code CarePlan:goal}; {@code *} is not supported, as it would reach into other services' records.
     */
    public Set<String> includes(String parameter, Set<String> supported) {
        Set<String> asked = new TreeSet<>();
        for (String value : Optional.ofNullable(query.get(parameter)).orElse(List.of())) {
            String include = value.strip();
            if (!supported.contains(include)) {
                throw new InvalidParameterException(parameter, supported.isEmpty()
                        ? "is not supported by this resource type"
                        : "must be one of " + String.join(", ", new TreeSet<>(supported)));
            }
            asked.add(include);
        }
        return asked;
    }

    /** A Task's status, as FHIR codes it: {@code ready}, {@code in-progress}, {@code completed}, ... */
    public Optional<Task.TaskStatus> taskStatus(String name) {
        return string(name).map(code -> {
            try {
                return Task.TaskStatus.fromCode(code);
            } catch (FHIRException e) {
                throw new InvalidParameterException(name, "must be a FHIR task status, e.g. ready, in-progress, "
                        + "completed");
            }
        });
    }

    /** {@code system|code}, both required: Cairn matches identifiers within their system only. */
    public Optional<Token> token(String name) {
        return string(name).map(value -> {
            int bar = value.indexOf('|');
            if (bar <= 0 || bar == value.length() - 1) {
                throw new InvalidParameterException(name, "must be system|value, e.g. urn:ehr:northside:mrn|MRN-1");
            }
            return new Token(value.substring(0, bar), value.substring(bar + 1));
        });
    }

    /**
     * A reference to a patient, {@code Patient/{id}} or just the id, as the UUID Cairn gave them.
     *
     * @throws InvalidParameterException for anything else
     */
    public Optional<UUID> patient(String name) {
        return string(name).map(value -> {
            String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(name, "must reference a patient, Patient/{id}");
            }
        });
    }

    /** The {@code patient} a search must name: {@code Patient/{id}} or the id. */
    public UUID requiredPatient() {
        return patient("patient").orElseThrow(() -> new InvalidParameterException("patient", "is required: Patient/{id}"));
    }

    /**
     * How many matches a page holds: {@code _count}, 0 to 100, 20 when not given. 0 asks only how many match, as
     * FHIR's {@code _summary=count} does: the Bundle has its total and no entries.
     */
    public int count() {
        return number(SearchBundles.COUNT, DEFAULT_COUNT, 0, MAX_COUNT);
    }

    /**
     * The matches the request asks for: {@code _count} of them from {@code _offset} where the search supports and
     * gives it (the gateway's window into one service's share of a merged search), else the {@code _page}th page.
     */
    public ListWindow.Window window() {
        Optional<String> offset = string(SearchBundles.OFFSET);
        if (offset.isPresent()) {
            return ListWindow.Window.at(number(SearchBundles.OFFSET, 0, 0, Integer.MAX_VALUE), count());
        }
        return new ListWindow.Window(page(), count());
    }

    /** Which page, from 0: {@code _page}, as the Bundle's links give it. */
    public int page() {
        return number(SearchBundles.PAGE, 0, 0, Integer.MAX_VALUE);
    }

    private int number(String name, int otherwise, int min, int max) {
        Optional<String> value = string(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw new InvalidParameterException(name, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? "" : " to " + max));
    }
}
