package aws;

import catalog.CatalogSnapshot;
import catalog.CrawlFailedException;
import catalog.CrawlReport;
import metrics.PipelineMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Runs the Glue crawler that catalogs the lake: starts it, waits until it is READY again, and says what it
 * changed. There is no Camel component for Glue, so the crawler route calls this bean.
 */
public final class LakeCrawler extends ServiceSupport {

    /** What to create when {@code glue.create-if-missing=true}; null to require an existing crawler. */
    public record Setup(String roleArn, String targetPath) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LakeCrawler.class);

    private final GlueClient glue;
    private final String name;
    private final String database;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Setup setup;
    private final PipelineMetrics metrics;
    private CatalogSnapshot lastSeen;

    public LakeCrawler(GlueClient glue, String name, String database, Duration timeout, Duration pollInterval, Setup setup,
                       PipelineMetrics metrics) {
        this.metrics = metrics;
        this.glue = glue;
        this.name = name;
        this.database = database;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.setup = setup;
    }

    @Override
    protected void doStart() {
        if (setup != null) {
            createIfMissing();
            return;
        }
        try {
            glue.getCrawler(r -> r.name(name));
        } catch (EntityNotFoundException e) {
            throw new IllegalStateException("glue.crawler-name: there is no crawler '" + name
                    + "'; create it, or set glue.create-if-missing=true and glue.crawler-role-arn");
        }
    }

    @Override
    protected void doStop() {
        glue.close();
    }

    /** Crawls once and returns what changed; a crawl already running is waited for, then ours starts. */
    public synchronized CrawlReport crawl() throws InterruptedException {
        try {
            CrawlReport report = crawlOnce();
            metrics.crawl(report.status());
            return report;
        } catch (RuntimeException | InterruptedException e) {
            metrics.crawl("FAILED");
            throw e;
        }
    }

    private CrawlReport crawlOnce() throws InterruptedException {
        // the catalog as our last crawl left it: read only once per crawl, after it
        CatalogSnapshot before = lastSeen != null ? lastSeen : snapshot();
        Instant start = Instant.now();
        Instant previous = lastCrawlStart(existingCrawler());
        boolean waited = false;
        try {
            glue.startCrawler(r -> r.name(name));
        } catch (CrawlerRunningException e) {
            LOG.info("Crawler {} is already running; waiting for it, then crawling again", name);
            previous = lastCrawlStart(awaitReady(null, start));
            waited = true;
            try {
                glue.startCrawler(r -> r.name(name));
            } catch (CrawlerRunningException again) {
                LOG.info("Crawler {} was started again by someone else; waiting for that crawl", name);
            }
        }
        LastCrawlInfo last = awaitReady(previous, start).lastCrawl();
        String status = last.statusAsString();
        if (!"SUCCEEDED".equals(status)) {
            throw new CrawlFailedException("crawler " + name + " ended " + status
                    + (last.errorMessage() == null ? "" : ": " + last.errorMessage()));
        }
        lastSeen = snapshot();
        return new CrawlReport(name, status, Duration.between(start, Instant.now()), waited, lastSeen.changesSince(before));
    }

    /** The crawler; one that vanished since start-up is created again when this process may create it. */
    private Crawler existingCrawler() {
        try {
            return glue.getCrawler(r -> r.name(name)).crawler();
        } catch (EntityNotFoundException e) {
            if (setup == null) {
                throw new CrawlFailedException("crawler " + name + " does not exist any more (glue.crawler-name); "
                        + "create it again, or set glue.create-if-missing=true");
            }
            LOG.warn("Crawler {} does not exist any more; creating it again (glue.create-if-missing=true)", name);
            createIfMissing();
            return glue.getCrawler(r -> r.name(name)).crawler();
        }
    }

    /** Waits until the crawler is READY after a crawl that started later than {@code previous}. */
    private Crawler awaitReady(Instant previous, Instant start) throws InterruptedException {
        Instant deadline = start.plus(timeout);
        while (true) {
            Crawler crawler = glue.getCrawler(r -> r.name(name)).crawler();
            boolean newCrawl = !Objects.equals(lastCrawlStart(crawler), previous) || previous == null;
            if (crawler.state() == CrawlerState.READY && newCrawl && crawler.lastCrawl() != null) {
                return crawler;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CrawlFailedException("crawler " + name + " is still " + crawler.stateAsString() + " after "
                        + timeout.toSeconds() + " s (glue.crawl-timeout); it goes on in Glue, the next trigger checks again");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private static Instant lastCrawlStart(Crawler crawler) {
        return crawler.lastCrawl() == null ? null : crawler.lastCrawl().startTime();
    }

    private CatalogSnapshot snapshot() {
        Map<String, CatalogSnapshot.Table> tables = new HashMap<>();
        try {
            for (Table table : glue.getTablesPaginator(r -> r.databaseName(database)).stream()
                    .flatMap(page -> page.tableList().stream()).toList()) {
                List<String> columns = table.storageDescriptor().columns().stream()
                        .map(c -> c.name() + " " + c.type()).toList();
                tables.put(table.name(), new CatalogSnapshot.Table(columns, partitions(table)));
            }
        } catch (EntityNotFoundException e) {
            // no database yet: an empty catalog
        }
        return new CatalogSnapshot(tables);
    }

    private Set<String> partitions(Table table) {
        Set<String> partitions = new TreeSet<>();
        glue.getPartitionsPaginator(r -> r.databaseName(database).tableName(table.name())).stream()
                .flatMap(page -> page.partitions().stream())
                .forEach(p -> partitions.add(String.join("/", p.values())));
        return partitions;
    }

    private void createIfMissing() {
        try {
            glue.getDatabase(r -> r.name(database));
        } catch (EntityNotFoundException e) {
            glue.createDatabase(r -> r.databaseInput(d -> d.name(database)
                    .description("COVID-19 county data lake, catalogued by " + name)));
            LOG.info("Created Glue database {}", database);
        }
        try {
            glue.getCrawler(r -> r.name(name));
        } catch (EntityNotFoundException e) {
            if (setup.roleArn().isBlank()) {
                throw new IllegalStateException("glue.crawler-role-arn must name the crawler's IAM role to create crawler " + name);
            }
            glue.createCrawler(r -> r.name(name).role(setup.roleArn()).databaseName(database)
                    .targets(t -> t.s3Targets(s -> s.path(setup.targetPath()))));
            LOG.info("Created Glue crawler {} on {}", name, setup.targetPath());
        }
    }
}
