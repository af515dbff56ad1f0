package io.cairn.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import org.hl7.fhir.r4.model.Resource;

/** The FHIR version Cairn speaks (R4) and its JSON media type. */
public final class Fhir {

    public static final String JSON = "application/fhir+json";
    /** FHIR allows plain JSON as well; the body is the same. */
    public static final String PLAIN_JSON = "application/json";

    private Fhir() {
    }

    /** Expensive to build, cheap to share: HAPI keeps one per version for the whole JVM. */
    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** A constant as the words of a display text: {@code LEFT_EARLY} is "left early". */
    public static String words(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@link #words}, capitalized as a display text begins: "Left early". */
    public static String capitalized(Enum<?> constant) {
        String words = words(constant);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Sets {@code meta.lastUpdated} to the latest of the times the records a resource is made of last changed; a
     * record written in this transaction and not yet stamped by the database adds nothing.
     */
    public static void lastUpdated(Resource resource, Instant... changes) {
        Arrays.stream(changes).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .ifPresent(latest -> resource.getMeta().setLastUpdated(Date.from(latest)));
    }

    /** A parser that refuses what R4 does not define (unknown elements, wrong types) instead of dropping it. */
    public static IParser strictParser() {
        return context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }
}
