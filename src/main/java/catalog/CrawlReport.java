package catalog;

import java.time.Duration;
import java.util.List;

/** How a crawl ended and what it changed in the catalog. */
public record CrawlReport(String crawler, String status, Duration took, boolean waitedForRunningCrawl, List<String> changes) {

    @Override
    public String toString() {
        return "crawler " + crawler + ": " + status + " in " + String.format("%.1f s", took.toMillis() / 1000.0)
                + (waitedForRunningCrawl ? " (waited for the crawl already running first)" : "")
                + "; " + String.join("; ", changes);
    }
}
