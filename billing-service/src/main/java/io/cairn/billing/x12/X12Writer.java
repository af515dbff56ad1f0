package io.cairn.billing.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one X12 interchange with StAEDI: each segment from its elements (a {@code String}, a {@code String[]} for a
 * composite, {@code null} for an empty element), counting the segments of the transaction for its SE.
 */
final class X12Writer implements AutoCloseable {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EDIStreamWriter writer;
    private int transactionSegments;

    X12Writer() {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        // One segment a line: the file is read by people too when a payer rejects it.
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        try {
            writer = factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name());
            writer.setControlSchema(SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12,
                    new String[] { "00501" }));
            writer.startInterchange();
        } catch (EDISchemaException | EDIStreamException e) {
            throw new IllegalStateException("X12 writer unavailable", e);
        }
    }

    X12Writer segment(String tag, Object... elements) {
        try {
            writer.writeStartSegment(tag);
            int last = elements.length;
            while (last > 0 && elements[last - 1] == null) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                if (elements[i] == null) {
                    writer.writeEmptyElement();
                } else if (elements[i] instanceof String[] components) {
                    writer.writeStartElement();
                    for (String component : components) {
                        writer.writeComponent(component);
                    }
                    writer.endElement();
                } else {
                    writer.writeElement(String.valueOf(elements[i]));
                }
            }
            writer.writeEndSegment();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Could not write segment " + tag, e);
        }
        if (tag.equals("ST")) {
            transactionSegments = 1;
        } else if (transactionSegments > 0) {
            transactionSegments++;
        }
        return this;
    }

    /** The SE closing the transaction: its segment count includes ST and SE. */
    X12Writer endTransaction(String controlNumber) {
        segment("SE", String.valueOf(transactionSegments + 1), controlNumber);
        transactionSegments = 0;
        return this;
    }

    String text() {
        try {
            writer.endInterchange();
            writer.flush();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Could not end the interchange", e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
