package io.cairn.billing.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * Writes one X12 interchange with StAEDI: its envelope (ISA and GS, closed by GE and IEA), one transaction (ST to SE,
 * its segments counted), and each segment from its elements (a {@code String}, a {@code String[]} for a composite,
 * {@code null} for an empty element).
 */
final class X12Writer implements AutoCloseable {

    /**
     * Who sends to whom (ISA06/GS02, ISA08/GS03), the functional group (GS01: HC claims, HS eligibility inquiries), the
     * implementation guide (GS08, ST03), ISA15 (T testing, P production), and the one control number of ISA13, GS06,
     * GE02 and IEA02.
     */
    record Envelope(String sender, String receiver, String functionalGroup, String guide, String usage,
            long controlNumber, LocalDateTime at) {

        String control() {
            return String.format("%09d", controlNumber);
        }
    }

    private static final String TRANSACTION = "0001";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EDIStreamWriter writer;
    private final Envelope envelope;
    private int transactionSegments;

    X12Writer(Envelope envelope) {
        this.envelope = envelope;
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
        LocalDateTime at = envelope.at();
        segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ", String.format("%-15s", envelope.sender()),
                "ZZ", String.format("%-15s", envelope.receiver()), at.format(X12Formats.SHORT_DATE), at.format(X12Formats.TIME),
                "^", "00501",
                envelope.control(), "0", envelope.usage(), ":");
        segment("GS", envelope.functionalGroup(), envelope.sender(), envelope.receiver(), at.format(X12Formats.DATE),
                at.format(X12Formats.TIME), String.valueOf(envelope.controlNumber()), "X", envelope.guide());
    }

    /** ST: the transaction of the envelope's guide. */
    X12Writer startTransaction(String type) {
        return segment("ST", type, TRANSACTION, envelope.guide());
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
    X12Writer endTransaction() {
        segment("SE", String.valueOf(transactionSegments + 1), TRANSACTION);
        transactionSegments = 0;
        return this;
    }

    /** The interchange, its envelope closed. */
    String text() {
        segment("GE", "1", String.valueOf(envelope.controlNumber()));
        segment("IEA", "1", envelope.control());
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
