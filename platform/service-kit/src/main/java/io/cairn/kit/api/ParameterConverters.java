package io.cairn.kit.api;

import io.cairn.kit.problem.InvalidParameterException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads UUIDs, dates and enums in paths and query strings as the JSON bodies write them (enums by their JSON names,
 * e.g. {@code ?status=assessment-scheduled}), and answers a bad value with a 400 naming the parameter.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID::fromString, "must be a UUID");
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "must be a whole number");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, ParameterConverters::boundedDate,
                    "must be a date (YYYY-MM-DD) between 1900 and 2200");
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, ParameterConverters::boundedInstant,
                    "must be a date and time with its offset (RFC 3339, e.g. 2027-01-28T14:00:00Z) between 1900 and "
                            + "2200");
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumConverter(name, (Class<? extends Enum<?>>) rawType);
        }
        return null;
    }

    private static LocalDate boundedDate(String value) {
        LocalDate date = LocalDate.parse(value);
        if (!ClinicCalendar.covers(date.getYear())) {
            throw new IllegalArgumentException("out of range");
        }
        return date;
    }

    private static Instant boundedInstant(String value) {
        OffsetDateTime time = OffsetDateTime.parse(value);
        if (!ClinicCalendar.covers(time.getYear())) {
            throw new IllegalArgumentException("out of range");
        }
        return time.toInstant();
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String message) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new InvalidParameterException(name, message);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static ParamConverter<Enum<?>> enumConverter(String name, Class<? extends Enum<?>> type) {
        Enum<?>[] constants = type.getEnumConstants();
        String allowed = Arrays.stream(constants).map(JsonNames::of).collect(Collectors.joining(", "));
        return new ParamConverter<>() {
            @Override
            public Enum<?> fromString(String value) {
                if (value == null) {
                    return null;
                }
                return Arrays.stream(constants).filter(c -> JsonNames.of(c).equals(value.strip())).findFirst()
                        .orElseThrow(() -> new InvalidParameterException(name, "must be one of: " + allowed));
            }

            @Override
            public String toString(Enum<?> value) {
                return value == null ? null : JsonNames.of(value);
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return "parameter";
    }
}
