package routes;

import lifecycle.PipelineRun;
import aws.AwsClients;
import aws.GluePartitions;
import lake.ObjectKeys;
import settings.AwsSettings;
import settings.CatalogSettings;
import settings.KafkaSettings;
import settings.LakeSettings;
import settings.Settings;
import settings.SinkSettings;
import sink.AssignedPartitions;
import sink.LakeBatch;
import sink.LakeBatches;
import sink.LakeCatchUp;
import sink.LakeProgress;
import sink.LakeWriter;
import sink.RecordHeadersDropped;
import sink.UploadDeadline;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.PredicateBuilder;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Kafka → S3 lake: drains the topic in batches of up to {@code lake.flush-rows} rows or
 * {@code lake.flush-interval}, writes one object per Kafka partition and date, and commits the batch's
 * offsets only once all its objects are in S3. A crash between upload and commit replays the batch onto
 * the same object keys: every row ends up in the lake exactly once. With {@code lake.register-partitions}, a batch's
 * new dates are registered as partitions in the Glue catalog beside the commit, so that they are queryable at once.
 */
public class LakeSinkRoute extends PipelineRouteBuilder {

    @Override
    public void configure() throws Exception {
        if (!runs("sink")) {
            return;
        }
        Settings settings = settings();
        KafkaSettings kafka = KafkaSettings.read(settings);
        AwsSettings aws = AwsSettings.read(settings);
        LakeSettings lake = LakeSettings.read(settings);
        SinkSettings sink = SinkSettings.read(settings);
        CatalogSettings catalog = CatalogSettings.read(settings);
        dependsOnKafka(kafka);
        dependsOnLake(aws, lake);

        AssignedPartitions assigned = new AssignedPartitions();
        bindToRegistry(AssignedPartitions.BEAN, assigned);
        LakeBatches batches = new LakeBatches(assigned, kafka.topic());
        LakeWriter writer = new LakeWriter(sink.format(), new ObjectKeys(lake.prefix(), kafka.topic()));
        LakeProgress progress = new LakeProgress(lake.bucket(), pipelineMetrics());
        LakeCatchUp catchUp = new LakeCatchUp(kafka.clientProperties(), kafka.topic(), sink.groupId());
        getContext().addService(catchUp);
        getContext().addService(writer);

        ExecutorService uploads = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "lake-uploads", sink.uploadThreads());
        UploadDeadline deadline = new UploadDeadline(sink.maxPollInterval(),
                UploadDeadline.longestUpload(lake.s3Timeout(), sink.s3Retries()), Clock.systemUTC());

        // time only grows: a batch out of time is not retried, it fails uncommitted and is read again
        onException(UploadDeadline.BatchOutOfTimeException.class)
                .maximumRedeliveries(0)
                .log(LoggingLevel.WARN, "lake sink: ${exception.message}");

        // an S3 error is retried with backoff; when retries run out the batch fails uncommitted and the
        // consumer reconnects and polls it again from the last commit
        errorHandler(defaultErrorHandler()
                .maximumRedeliveries(sink.s3Retries())
                .redeliveryDelay(500).useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(30_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN));

        from(kafka(kafka.topic())
                .brokers(kafka.brokers())
                .groupId(sink.groupId())
                .autoOffsetReset("earliest")
                .batching(true)
                .maxPollRecords(sink.flushRows())
                .batchingIntervalMs((int) sink.flushInterval().toMillis())
                // Camel also completes a batch on an empty poll once its oldest record has waited a poll timeout
                .pollTimeoutMs(sink.pollTimeout().toMillis())
                // how soon the partitions of a sink that died go to another instance, or to itself restarted
                .sessionTimeoutMs((int) sink.sessionTimeout().toMillis())
                .maxPollIntervalMs((int) sink.maxPollInterval().toMillis())
                .autoCommitEnable(false)
                .allowManualCommit(true)
                .breakOnFirstError(true)
                .headerFilterStrategy(new RecordHeadersDropped()))
                .routeId("lake-sink")
                .bean(deadline, "batchStarted")
                .setBody(method(batches, "open"))
                .bean(progress, "batchStarted")
                // S3 answers in tens of milliseconds: a batch's objects go up side by side, at most
                // lake.upload-threads at once. No stopOnException: the split waits for every upload it started,
                // retries included, so that none of a failed batch lands after the batch is read again; a failure
                // then fails the batch, uncommitted
                .split(simple("${body.objects}")).parallelProcessing().executorService(uploads)
                    .bean(writer, "encode")
                    .bean(deadline, "beforeUpload").id("upload-deadline")
                    .to(lakeBucket(lake))
                    .bean(progress, "objectStored")
                .end()
                // the batch's dates to the Glue catalog, with lake.register-partitions (below)
                .to(direct("lake-batch-dates").block(false).failIfNoConsumers(false))
                // after the objects, so that an S3 retry does not send the rejections again; synchronous, so
                // that the commit stays on the consumer's thread
                .filter(simple("${body.hasRejections}"))
                    .setVariable("rejections", simple("${body.rejections}"))
                    .toV(producer(kafka, kafka.dlqTopic()).advanced().synchronous(true).getRawUri(), "rejections", "rejectionsSent")
                .end()
                .bean(batches, "commit").id("commit-offsets")
                .bean(progress, "batchStored");

        if (sink.registerPartitions()) {
            GlueClient glue = AwsClients.glue(aws.endpoint(), aws.region(), aws.accessKey(), aws.secretKey());
            closeOnStop(glue);
            GluePartitions partitions = new GluePartitions(glue, catalog.database(), lake.bucket(), lake.folders());
            // beside the batch, not in its way: Glue's latency must not slow the sink, and a date stored is
            // registered moments later either way. Only the dates go, so that no batch's rows wait on Glue
            ExecutorService registrations = getContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "lake-partitions");
            from(direct("lake-batch-dates"))
                    .routeId("lake-batch-dates")
                    .wireTap(direct("lake-partitions"))
                        .onPrepare(tap -> tap.getMessage().setBody(tap.getMessage().getBody(LakeBatch.class).dates()))
                        .executorService(registrations);
            // the rows are in S3 either way, and the crawler registers what this misses: a failure here only
            // delays a date's rows in Athena, so it neither fails nor retries the batch
            from(direct("lake-partitions"))
                    .routeId("lake-partitions")
                    .errorHandler(noErrorHandler())
                    .doTry()
                        .bean(partitions, "register(${body})")
                    .doCatch(Exception.class)
                        .log(LoggingLevel.WARN, "lake sink: new partitions not registered in Glue, the crawler will: ${exception.message}")
                    .end();
        }

        // a run that has work to finish is done when the replay is done and the group committed everything,
        // and has failed when the sink keeps failing; a sink on its own keeps retrying until stopped
        from(timer("lake-caught-up").period(1000))
                .routeId("lake-caught-up")
                .filter(method(PipelineRun.BEAN, "isPending('sink')"))
                .choice()
                    .when(method(progress, "isFailing"))
                        .log(LoggingLevel.ERROR, "lake sink: " + LakeProgress.ATTEMPTS_BEFORE_GIVING_UP
                                + " attempts in a row at storing a batch failed (see the warnings above); giving up")
                        .bean(PipelineRun.BEAN, "jobFailed('sink')")
                    .when(PredicateBuilder.and(method(PipelineRun.BEAN, "isDone('replay')"), method(catchUp, "caughtUp")))
                        .bean(progress, "summary")
                        .bean(PipelineRun.BEAN, "jobDone('sink')")
                .end();

        // not under the S3 retries above: a lag that cannot be read now is read at the next tick
        from(timer("lake-lag").period(15_000))
                .routeId("lake-lag")
                .errorHandler(noErrorHandler())
                .doTry()
                    .setBody(method(catchUp, "lag"))
                    .bean(pipelineMetrics(), "consumerLag")
                .doCatch(Exception.class)
                    .log(LoggingLevel.DEBUG, "consumer lag not read: ${exception.message}")
                .end();
    }
}
