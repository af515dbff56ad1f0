package io.cairn.benchmarks;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies kept whole (HdrHistogram, three significant digits), read out as the report's percentiles. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos),
                histogram.getHighestTrackableValue())));
    }

    Summary summary() {
        return new Summary(histogram.getTotalCount(), millis(50), millis(90), millis(95), millis(99), millis(99.9),
                histogram.getMaxValue() / 1000.0);
    }

    private double millis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Milliseconds at each percentile. */
    record Summary(long count, double p50, double p90, double p95, double p99, double p999, double max) {
    }
}
