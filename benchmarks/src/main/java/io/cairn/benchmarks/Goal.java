package io.cairn.benchmarks;

/** One of the targets, what this run measured against it, and by how much it was missed. */
record Goal(String what, String target, String measured, boolean met) {

    static Goal atMost(String what, double limit, double measured, String unit) {
        return new Goal(what, "≤ " + Report.number(limit) + " " + unit, Report.number(measured) + " " + unit
                + (measured <= limit ? ""
                        : " (missed by " + Report.number(measured - limit) + " " + unit + ", "
                                + Report.number(100 * (measured - limit) / limit) + " %)"),
                measured <= limit);
    }

    static Goal atLeast(String what, double limit, double measured, String unit) {
        return new Goal(what, "≥ " + Report.number(limit) + " " + unit, Report.number(measured) + " " + unit
                + (measured >= limit ? "" : " (missed by " + Report.number(limit - measured) + " " + unit + ")"),
                measured >= limit);
    }
}
