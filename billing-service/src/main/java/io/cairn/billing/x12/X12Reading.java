package io.cairn.billing.x12;

import io.cairn.kit.problem.InvalidRequestException;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an X12 interchange with StAEDI, checking its envelope (control numbers and counts) and, given a schema, each
 * transaction against it: what a claim file must pass before it is kept, and how a remittance is read.
 */
public final class X12Reading {

    /** A segment as read: its tag and its elements, each a list of its components (one for a simple element). */
    public record Segment(String tag, List<List<String>> elements) {

        /** Element {@code position} (1-based), its first component; empty when absent. */
        public String element(int position) {
            return component(position, 1);
        }

        public String component(int position, int component) {
            return position <= elements.size() && component <= elements.get(position - 1).size()
                    ? elements.get(position - 1).get(component - 1)
                    : "";
        }
    }

    /** The segments read, and each error found ("segment 12 (CLM), element 2: INVALID_CHARACTER_DATA"). */
    public record Read(List<Segment> segments, List<String> errors) {
    }

    private X12Reading() {
    }

    /** Layouts already read: each is parsed once, and a schema is safe to share between readers. */
    private static final Map<String, Schema> LAYOUTS = new ConcurrentHashMap<>();

    /** The schema of a transaction layout bundled with the service, e.g. {@code x12/837P.xml}. */
    public static Schema schema(String resource) {
        return LAYOUTS.computeIfAbsent(resource, X12Reading::parse);
    }

    private static Schema parse(String resource) {
        URL location = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (location == null) {
            throw new IllegalStateException("No X12 schema " + resource);
        }
        try (InputStream in = location.openStream()) {
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException | EDISchemaException e) {
            throw new IllegalStateException("X12 schema " + resource + " unreadable", e);
        }
    }

    /**
     * The segments of an interchange a client sent (an 835, a 271), its envelope checked.
     *
     * @throws InvalidRequestException when it does not read: answered 400, naming the first errors
     */
    public static List<Segment> segmentsOf(String interchange) {
        Read read = read(interchange, null);
        if (!read.errors().isEmpty()) {
            throw new InvalidRequestException("body", "not a valid X12 interchange: "
                    + String.join("; ", read.errors().subList(0, Math.min(5, read.errors().size()))));
        }
        return read.segments();
    }

    /** Each error found; none when the interchange is valid against the schema. */
    public static List<String> errors(String interchange, Schema transaction) {
        return read(interchange, transaction).errors();
    }

    /** The interchange's segments and errors; {@code transaction} may be null (the envelope alone is checked). */
    public static Read read(String interchange, Schema transaction) {
        List<Segment> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(
                new ByteArrayInputStream(interchange.getBytes(StandardCharsets.ISO_8859_1)))) {
            List<List<String>> elements = null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_TRANSACTION -> {
                        if (transaction != null) {
                            reader.setTransactionSchema(transaction);
                        }
                    }
                    case START_SEGMENT -> {
                        elements = new ArrayList<>();
                        segments.add(new Segment(reader.getText(), elements));
                    }
                    case ELEMENT_DATA -> {
                        if (elements != null) {
                            int position = reader.getLocation().getElementPosition();
                            while (elements.size() < position) {
                                elements.add(new ArrayList<>());
                            }
                            elements.get(position - 1).add(reader.getText());
                        }
                    }
                    case END_SEGMENT -> elements = null;
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add("segment "
                            + reader.getLocation().getSegmentPosition() + " (" + reader.getLocation().getSegmentTag()
                            + "), element " + reader.getLocation().getElementPosition() + ": " + reader.getErrorType()
                            + (reader.getText() == null ? "" : " '" + reader.getText() + "'"));
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | IOException | RuntimeException e) {
            errors.add("unreadable: " + e.getMessage());
        }
        return new Read(segments, errors);
    }
}
