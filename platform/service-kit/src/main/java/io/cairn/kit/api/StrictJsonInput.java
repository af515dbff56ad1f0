package io.cairn.kit.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * What the API accepts as JSON text and time, beyond Jackson's defaults: no text with the NUL character (PostgreSQL
 * cannot store it), dates and times only as ISO strings (not numbers), within {@link ClinicCalendar}. Anything else
 * is a 400 naming the field, never a failure deeper down. A field given twice is refused too: which of the two values
 * counts would be a guess, and another reader of the same body might guess otherwise.
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, so these deserializers are the ones that count. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        // Numbers are not dates, and "2026-02-30" is not 2026-03-02.
        mapper.setDefaultLeniency(false);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule module = new SimpleModule("cairn-strict-input");
        module.addDeserializer(String.class, new TextWithoutNul());
        module.addDeserializer(LocalDate.class, new ClinicTime<>(LocalDate.class,
                text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE), LocalDate::getYear));
        module.addDeserializer(OffsetDateTime.class, new ClinicTime<>(OffsetDateTime.class,
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME), OffsetDateTime::getYear));
        module.addDeserializer(Instant.class, new ClinicTime<>(Instant.class, Instant::parse,
                instant -> instant.atOffset(ZoneOffset.UTC).getYear()));
        mapper.registerModule(module);
    }

    /** Text as Jackson reads it, refused when it holds the NUL character. */
    static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "text with the NUL character", text, String.class);
            }
            return text;
        }
    }

    /** A date or time given as an ISO string, in the clinic's calendar. */
    static final class ClinicTime<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;
        private final transient Function<T, Integer> year;

        ClinicTime(Class<T> type, Function<String, T> parse, Function<T, Integer> year) {
            super(type);
            this.parse = parse;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText().strip();
            try {
                T value = parse.apply(text);
                if (ClinicCalendar.covers(year.apply(value))) {
                    return value;
                }
            } catch (DateTimeParseException e) {
                // Answered below, like a date out of range.
            }
            throw InvalidFormatException.from(parser, "not a date or time in the clinic's calendar", text,
                    handledType());
        }
    }
}
