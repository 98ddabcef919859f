package local.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The crawlers, each crawl on a thread of its own: READY → RUNNING (inspect the lake, write the
 * catalog, and last at least {@code crawlTime}) → STOPPING → READY with the last crawl's outcome.
 * Their definitions and finished crawls are saved; a crawl in progress is not.
 */
final class GlueCrawlers implements AutoCloseable {

    private final GlueCatalog catalog;
    private final LakeCrawl lakeCrawl;
    private final Duration crawlTime;
    private final ExecutorService crawls = Executors.newCachedThreadPool(Threads.daemon("glue-crawl"));
    private final Map<String, GlueCrawler> crawlers = new TreeMap<>();
    private final GlueCatalogFile file;

    GlueCrawlers(GlueCatalog catalog, LakeCrawl lakeCrawl, Duration crawlTime, GlueCatalogFile file) {
        this.catalog = catalog;
        this.lakeCrawl = lakeCrawl;
        this.crawlTime = crawlTime;
        this.file = file;
        file.crawlers().forEach(c -> crawlers.put(c.name(), c));
    }

    GlueCatalog catalog() {
        return catalog;
    }

    synchronized void create(GlueCrawler.Definition definition) {
        if (crawlers.containsKey(definition.name())) {
            throw new AwsError("AlreadyExistsException", "Crawler with name " + definition.name() + " already exists.");
        }
        crawlers.put(definition.name(), GlueCrawler.created(definition, Instant.now()));
        file.saveCrawlers(crawlers.values());
    }

    synchronized GlueCrawler crawler(String name) {
        GlueCrawler crawler = crawlers.get(name);
        if (crawler == null) {
            throw new AwsError("EntityNotFoundException", "Crawler with name " + name + " does not exist.");
        }
        return crawler;
    }

    synchronized List<GlueCrawler> crawlers() {
        return List.copyOf(crawlers.values());
    }

    synchronized void start(String name) {
        GlueCrawler crawler = crawler(name);
        if (!crawler.state().equals("READY")) {
            throw new AwsError("CrawlerRunningException", "Crawler with name " + name + " has already started");
        }
        crawlers.put(name, crawler.running(Instant.now()));
        crawls.execute(() -> crawl(name));
    }

    @Override
    public void close() {
        crawls.shutdownNow();
    }

    private void crawl(String name) {
        GlueCrawler crawler = crawler(name);
        GlueCrawler.Definition definition = crawler.definition();
        Instant start = crawler.crawlStart();
        int created = 0;
        int updated = 0;
        String status = "SUCCEEDED";
        String error = null;
        try {
            for (CrawledTable table : lakeCrawl.crawl(definition.s3Targets(), definition.tablePrefix())) {
                switch (catalog.record(definition.database(), name, table, Instant.now())) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> { }
                }
            }
        } catch (RuntimeException | Error e) {
            // whatever happened, the crawler must come back to READY, or it would refuse every later start
            status = "FAILED";
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        try {
            Duration left = Duration.between(Instant.now(), start.plus(crawlTime));
            if (!left.isNegative() && !left.isZero()) {
                Thread.sleep(left.toMillis() + 1); // rounded up: a crawl never reports less than crawlTime
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        update(name, crawler(name).stopping());
        finish(name, new GlueCrawler.LastCrawl(status, error, start, UUID.randomUUID().toString()), created, updated);
    }

    private synchronized void update(String name, GlueCrawler crawler) {
        crawlers.put(name, crawler);
    }

    private synchronized void finish(String name, GlueCrawler.LastCrawl last, int created, int updated) {
        crawlers.put(name, crawler(name).finished(last, created, updated, Instant.now()));
        file.saveCrawlers(crawlers.values());
    }
}
