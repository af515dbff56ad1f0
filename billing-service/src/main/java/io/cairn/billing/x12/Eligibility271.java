package io.cairn.billing.x12;

import io.cairn.billing.x12.X12Reading.Segment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a payer's 271 answers about a subscriber: active or not, the plan's dates, the service types covered. */
public final class Eligibility271 {

    /**
     * @param active whether any benefit is reported active (EB01 1); false when the payer reported only inactive ones
     *        or rejected the inquiry
     * @param activeServices the service types (EB03) reported active, e.g. 30, MH, AI
     * @param rejections the payer's reasons for not answering (AAA03, e.g. 72 invalid member id, 75 subscriber not
     *        found)
     */
    public record Answer(String trace, boolean active, LocalDate planBeginsOn, LocalDate planEndsOn,
            List<String> activeServices, List<String> rejections) {
    }

    private Eligibility271() {
    }

    /** The answer, or empty when the segments are no 271. */
    public static Optional<Answer> read(List<Segment> segments) {
        if (segments.stream().noneMatch(s -> s.tag().equals("ST") && s.element(1).equals("271"))) {
            return Optional.empty();
        }
        String trace = null;
        LocalDate begins = null;
        LocalDate ends = null;
        boolean active = false;
        Set<String> services = new LinkedHashSet<>();
        List<String> rejections = new ArrayList<>();
        for (Segment segment : segments) {
            switch (segment.tag()) {
                // TRN*2: the inquiry's trace, answered (TRN*1 would be the payer's own).
                case "TRN" -> {
                    if (segment.element(1).equals("2")) {
                        trace = segment.element(2);
                    }
                }
                case "DTP" -> {
                    String qualifier = segment.element(1);
                    String value = segment.element(3);
                    if (qualifier.equals("346")) {
                        begins = day(value);
                    } else if (qualifier.equals("347")) {
                        ends = day(value);
                    } else if (qualifier.equals("291") && value.contains("-")) {
                        begins = day(value.substring(0, value.indexOf('-')));
                        ends = day(value.substring(value.indexOf('-') + 1));
                    }
                }
                case "EB" -> {
                    if (segment.element(1).equals("1")) {
                        active = true;
                        // EB03 repeats: one service type per repetition.
                        services.addAll(segment.elements().size() >= 3 ? segment.elements().get(2) : List.of());
                    }
                }
                case "AAA" -> rejections.add(segment.element(3));
                default -> {
                }
            }
        }
        services.remove("");
        return Optional.of(new Answer(trace, active && rejections.isEmpty(), begins, ends, List.copyOf(services),
                rejections));
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text, X12Formats.DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
