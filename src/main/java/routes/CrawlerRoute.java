package routes;

import lifecycle.PipelineRun;
import aws.AwsClients;
import aws.LakeCrawler;
import aws.LakeFolders;
import catalog.NewPartitionTrigger;
import lake.ObjectKeys;
import settings.AwsSettings;
import settings.CatalogSettings;
import settings.LakeSettings;
import settings.Settings;

import java.time.Clock;
import java.util.Set;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.PredicateBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Keeps the Glue Data Catalog up to date with the lake: runs the crawler {@code glue.crawler-name} on
 * {@code glue.crawler-schedule}, and soon after new {@code dt=} folders appear in the lake (debounced). Each
 * completed crawl goes on to {@code direct:crawl-completed}, where the reports run if this process has them.
 */
public class CrawlerRoute extends PipelineRouteBuilder {

    /** Set on the exchange of the crawl that ends a run-to-completion, so that the reports after it end theirs. */
    public static final String FINAL_CRAWL = "pipeline.finalCrawl";

    @Override
    public void configure() throws Exception {
        if (!runs("crawler")) {
            return;
        }
        Settings settings = settings();
        AwsSettings aws = AwsSettings.read(settings);
        LakeSettings lake = LakeSettings.read(settings);
        CatalogSettings catalog = CatalogSettings.read(settings);
        S3Client lakeS3 = dependsOnLake(aws, lake);

        ObjectKeys keys = lake.folders();
        String lakeRoot = "s3://" + lake.bucket() + "/" + keys.root();
        LakeCrawler crawler = new LakeCrawler(
                AwsClients.glue(aws.endpoint(), aws.region(), aws.accessKey(), aws.secretKey()),
                catalog.crawlerName(), catalog.database(), catalog.crawlTimeout(), catalog.pollInterval(),
                catalog.createIfMissing() ? new LakeCrawler.Setup(catalog.crawlerRoleArn(), lakeRoot) : null,
                pipelineMetrics());
        getContext().addService(crawler);
        LakeFolders folders = new LakeFolders(lakeS3, lake.bucket(), keys.tableFolder());
        NewPartitionTrigger trigger = new NewPartitionTrigger(catalog.newPartitionQuiet(), catalog.newPartitionMaxWait(),
                Clock.systemUTC());

        // a failed crawl is logged, and the next trigger tries again
        from(schedule("crawler-schedule", catalog.schedule()))
                .routeId("crawler-schedule")
                .doTry()
                    .to("direct:crawl")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "scheduled crawl failed: ${exception.message}")
                .end();

        // the first look a check's period after start, like every other
        from(timer("crawler-new-partitions").delay(catalog.newPartitionCheck().toMillis())
                .period(catalog.newPartitionCheck().toMillis()))
                .routeId("crawler-new-partitions")
                .choice()
                    // a run to completion ends with a crawl of everything the sink stored
                    .when(PredicateBuilder.and(method(PipelineRun.BEAN, "isPending('crawler')"),
                            method(PipelineRun.BEAN, "isDone('sink')")))
                        .to("direct:final-crawl")
                    .otherwise()
                        .to("direct:crawl-new-partitions")
                .end();

        from("direct:crawl-new-partitions")
                .routeId("crawl-new-partitions")
                .setVariable("partitions", constant(Set.of()))
                .doTry()
                    .setBody(method(folders, "partitions"))
                    .setBody(method(trigger, "offer"))
                    .filter(simple("${body.size} > 0"))
                        .log("New lake partitions ${body}: starting the crawler")
                        .setVariable("partitions", body())
                        .to("direct:crawl")
                    .endDoTry()
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "crawl for new partitions failed, will try again: ${exception.message}")
                    .bean(trigger, "retry(${variable.partitions})")
                .end();

        from("direct:final-crawl")
                .routeId("final-crawl")
                .setHeader(FINAL_CRAWL, constant(true))
                .log("The lake holds every row of the topic: crawling it, then the reports")
                .doTry()
                    .to("direct:crawl")
                    .bean(PipelineRun.BEAN, "jobDone('crawler')")
                .doCatch(Exception.class)
                    .log(LoggingLevel.ERROR, "the crawl after the sink finished failed: ${exception.message}")
                    .bean(PipelineRun.BEAN, "jobFailed('crawler')")
                .end();

        // its callers catch and log its failures; their own error handler would log them again
        from("direct:crawl")
                .routeId("crawl")
                .errorHandler(noErrorHandler())
                .setVariable("lakePartitions", method(folders, "partitions"))
                .bean(crawler, "crawl")
                .bean(trigger, "covered(${variable.lakePartitions})")
                .log("${body}")
                .to(direct("crawl-completed").block(false).failIfNoConsumers(false));
    }
}
