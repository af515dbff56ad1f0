package io.cairn.kit.problem;

import io.cairn.kit.api.ClinicCalendar;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.cairn.kit.api.JsonNames;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Describes a JSON mapping failure in the client's terms: the JSON field path and the kind of value expected. */
final class JsonFields {

    private JsonFields() {
    }

    /** {@code objectives[0].targetDate}, or empty when the failure is about the whole body. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What the field needs, without naming a Java type. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of: " + Arrays.stream(type.getEnumConstants()).map(c -> JsonNames.of((Enum<?>) c))
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD) between " + ClinicCalendar.FIRST_YEAR + " and " + ClinicCalendar.LAST_YEAR;
        }
        if (type == LocalTime.class) {
            return "a time (HH:MM)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date-time (ISO 8601, e.g. 2026-11-24T10:15:30Z) between " + ClinicCalendar.FIRST_YEAR + " and "
                    + ClinicCalendar.LAST_YEAR;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }
}
