package metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

/**
 * The figures an operator of the pipeline watches, as Prometheus metrics beside Camel's own: rows replayed
 * and rejected, rows, objects and bytes landed in the lake, the sink's lag and the lake's freshness, crawls,
 * and report queries. Each step records its own; a process shows those of the routes it runs.
 */
public final class PipelineMetrics {

    /** The registry name routes use. */
    public static final String BEAN = "pipelineMetrics";

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong lastFlushMillis = new AtomicLong(-1);

    public PipelineMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void rowsReplayed(long rows) {
        registry.counter("covid_replay_rows").increment(rows);
    }

    /** Rows sent to the dead-letter topic, by the step that rejected them (replay or sink). */
    public void rowsRejected(String step, long rows) {
        Counter.builder("covid_dead_letter_rows").tag("step", step).register(registry).increment(rows);
    }

    public void batchLanded(long rows, long objects, long bytes) {
        registry.counter("covid_lake_rows").increment(rows);
        registry.counter("covid_lake_objects").increment(objects);
        registry.counter("covid_lake_bytes").increment(bytes);
        if (lastFlushMillis.getAndSet(clock.millis()) < 0) {
            TimeGauge.builder("covid_lake_since_last_flush", this, TimeUnit.MILLISECONDS, m -> m.clock.millis() - m.lastFlushMillis.get())
                    .description("time since the sink last stored a batch: the lake's freshness")
                    .register(registry);
        }
    }

    /** The sink group's lag: rows on the topic not yet committed, so not yet in the lake. */
    public void consumerLag(long rows) {
        if (lag.getAndSet(rows) < 0) {
            Gauge.builder("covid_lake_consumer_lag", lag, AtomicLong::get).register(registry);
        }
    }

    public void crawl(String status) {
        Counter.builder("covid_crawler_runs").tag("status", status).register(registry).increment();
    }

    public void reportQuery(String report, String state, Duration took, long bytesScanned) {
        Timer.builder("covid_report_query").tag("report", report).tag("state", state).register(registry).record(took);
        Counter.builder("covid_report_scanned_bytes").tag("report", report).register(registry).increment(bytesScanned);
    }
}
