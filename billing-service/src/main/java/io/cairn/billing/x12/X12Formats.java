package io.cairn.billing.x12;

import java.time.format.DateTimeFormatter;

/** X12's dates and times: DT as CCYYMMDD (and YYMMDD in ISA09), TM as HHMM. */
public final class X12Formats {

    public static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private X12Formats() {
    }
}
