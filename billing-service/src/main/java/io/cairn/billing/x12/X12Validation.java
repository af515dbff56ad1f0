package io.cairn.billing.x12;

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

/**
 * Reads an X12 interchange back with StAEDI, checking its envelope (control numbers and counts) and each transaction
 * against a schema: what a file must pass before it is kept, and what tests read files with.
 */
public final class X12Validation {

    private X12Validation() {
    }

    /** The schema of a transaction layout bundled with the service, e.g. {@code x12/837P.xml}. */
    public static Schema schema(String resource) {
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

    /** Each error found, with where it is ("segment 12 (CLM), element 2: INVALID_CHARACTER_DATA"); none when valid. */
    public static List<String> errors(String interchange, Schema transaction) {
        List<String> errors = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(
                new ByteArrayInputStream(interchange.getBytes(StandardCharsets.US_ASCII)))) {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_TRANSACTION -> reader.setTransactionSchema(transaction);
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
        return errors;
    }
}
