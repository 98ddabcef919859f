package local.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A crawler's definition and where its crawls stand. Immutable: a change is a new value. */
record GlueCrawler(Definition definition, Instant creationTime, String state, Instant crawlStart,
                   LastCrawl lastCrawl, List<Duration> runtimes, int tablesCreated, int tablesUpdated) {

    /** What CreateCrawler said. */
    record Definition(String name, String role, String database, List<String> s3Targets, String tablePrefix,
                      String schedule, String description) {
    }

    /** The outcome of the latest finished crawl. */
    record LastCrawl(String status, String errorMessage, Instant startTime, String messagePrefix) {
    }

    static GlueCrawler created(Definition definition, Instant now) {
        return new GlueCrawler(definition, now, "READY", null, null, List.of(), 0, 0);
    }

    String name() {
        return definition.name();
    }

    GlueCrawler running(Instant now) {
        return new GlueCrawler(definition, creationTime, "RUNNING", now, lastCrawl, runtimes, tablesCreated, tablesUpdated);
    }

    GlueCrawler stopping() {
        return new GlueCrawler(definition, creationTime, "STOPPING", crawlStart, lastCrawl, runtimes, tablesCreated, tablesUpdated);
    }

    GlueCrawler finished(LastCrawl crawl, int created, int updated, Instant now) {
        List<Duration> all = new ArrayList<>(runtimes);
        all.add(Duration.between(crawlStart, now));
        return new GlueCrawler(definition, creationTime, "READY", null, crawl, List.copyOf(all), created, updated);
    }

    Duration lastRuntime() {
        return runtimes.isEmpty() ? Duration.ZERO : runtimes.get(runtimes.size() - 1);
    }

    Duration medianRuntime() {
        if (runtimes.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = runtimes.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
