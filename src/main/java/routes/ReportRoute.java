package routes;

import lifecycle.PipelineRun;
import aws.AwsClients;
import reports.QueryAttempts;
import reports.Report;
import reports.ReportKeys;
import reports.ReportLog;
import reports.ReportPage;
import reports.ResultTable;
import settings.AwsSettings;
import settings.LakeSettings;
import settings.ReportPageSettings;
import settings.ReportSettings;
import settings.Settings;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.aws2.athena.Athena2Constants;
import org.apache.camel.component.aws2.athena.Athena2Operations;
import org.apache.camel.component.aws2.athena.Athena2OutputType;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.aws2.s3.AWS2S3Operations;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Runs every report query ({@code reports.queries}, one {@code .sql} file per report) in Athena on
 * {@code reports.schedule} and after each completed crawl; writes each result as CSV to
 * {@code <reports.prefix>/<name>/<timestamp>.csv} and {@code latest.csv} in the lake's bucket, and logs it as a
 * table. A report that fails is logged with Athena's reason and does not stop the others.
 */
public class ReportRoute extends PipelineRouteBuilder {

    @Override
    public void configure() throws Exception {
        if (!runs("reports")) {
            return;
        }
        Settings settings = settings();
        AwsSettings aws = AwsSettings.read(settings);
        LakeSettings lake = LakeSettings.read(settings);
        ReportSettings report = ReportSettings.read(settings);
        ReportPageSettings page = ReportPageSettings.read(settings);
        dependsOnLake(aws, lake);

        List<Report> reports = reports(report.queries());
        String athenaClient = "athenaClient";
        AthenaClient athena = AwsClients.athena(aws.endpoint(), aws.region(), aws.accessKey(), aws.secretKey());
        bindToRegistry(athenaClient, athena);
        closeOnStop(athena);
        ReportLog log = new ReportLog(athena, lake.bucket(), report.rowsShown(), pipelineMetrics(), Clock.systemUTC());
        ReportKeys keys = new ReportKeys(report.prefix(), Clock.systemUTC());
        ReportPage reportPage = new ReportPage(page.states(), page.days());
        String pageAddress = "Report page: s3://" + lake.bucket() + "/" + keys.page()
                + (page.served() ? ", served at " + page.servedAt() + " while the process runs" : "");
        long pollMillis = report.pollInterval().toMillis();
        QueryAttempts attempts = new QueryAttempts(report.maxAttempts());

        from(schedule("reports-schedule", report.schedule()))
                .routeId("reports-schedule")
                .to("direct:reports");

        // the crawl that ends a run to completion also ends the reports' part of it; a failure here is the
        // reports', not the crawl's
        from(direct("crawl-completed"))
                .routeId("reports-after-crawl")
                .doTry()
                    .to("direct:reports")
                .doCatch(Exception.class)
                    .log(LoggingLevel.ERROR, "reports failed: ${exception.message}")
                    .setVariable("run", constant(null))
                .end()
                .filter(header(CrawlerRoute.FINAL_CRAWL))
                    .choice()
                        .when(simple("${variable.run} == null || ${variable.run.anyFailed}"))
                            .bean(PipelineRun.BEAN, "jobFailed('reports')")
                        .otherwise()
                            .bean(PipelineRun.BEAN, "jobDone('reports')")
                .end();

        from("direct:reports")
                .routeId("reports")
                .setVariable("run", method(log, "begin"))
                .split(constant(reports))
                    .to("direct:report")
                .end()
                .bean(log, "summary")
                .to("direct:report-page");

        // the copy keeps each run's page; index.html is the one a reader opens. A page that cannot be drawn or
        // stored is the page's failure, not the reports': they are in the bucket as CSV either way
        from("direct:report-page")
                .routeId("report-page")
                .errorHandler(noErrorHandler())
                .doTry()
                .setBody(method(reportPage, "html(${variable.run})"))
                .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("text/html; charset=utf-8"))
                .setVariable("copy", method(keys, "pageCopy(${variable.run.ranAt})"))
                .setHeader(AWS2S3Constants.KEY, variable("copy"))
                .to(lakeBucket(lake))
                .setHeader(AWS2S3Constants.KEY, constant(keys.page()))
                .to(lakeBucket(lake))
                .log("Report page written: s3://" + lake.bucket() + "/" + keys.page() + " and s3://" + lake.bucket() + "/${variable.copy}")
                .setBody(constant(pageAddress))
                .bean(PipelineRun.BEAN, "showAtEnd")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "Report page not written: ${exception.message}")
                .end();

        if (page.served()) {
            // the bucket's page rather than one kept here: the latest of any process, and there after a restart
            // muted: on AWS the management port is open to the pod's network, and an S3 error's text is not for it
            from(platformHttp(page.path()).httpMethodRestrict("GET").muteException(true))
                    .routeId("report-page-served")
                    // nothing of the request reaches the S3 call
                    .removeHeaders("*")
                    .setHeader(AWS2S3Constants.S3_OPERATION, constant(AWS2S3Operations.getObject))
                    .setHeader(AWS2S3Constants.KEY, constant(keys.page()))
                    .doTry()
                        .to(lakeBucket(lake))
                        .setHeader(Exchange.CONTENT_TYPE, constant("text/html; charset=utf-8"))
                    .doCatch(NoSuchKeyException.class)
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
                        .setHeader(Exchange.CONTENT_TYPE, constant("text/plain; charset=utf-8"))
                        .setBody(constant("No report page yet: the reports have not run."))
                    .end();
        }

        from("direct:report")
                .routeId("report")
                .setVariable("report", body())
                .doTry()
                    // the attempts count this loop's index: none may be left from a loop around this one
                    .removeProperty(Exchange.LOOP_INDEX)
                    .loopDoWhile(method(attempts, "another"))
                        .setBody(simple("${variable.report.sql}"))
                        .to(aws2Athena("report")
                                .operation(Athena2Operations.startQueryExecution)
                                .database(report.database())
                                .workGroup(report.workgroup())
                                .outputLocation(report.outputLocation())
                                .waitTimeout(report.waitTimeout().toMillis())
                                .initialDelay(pollMillis)
                                .delay(pollMillis)
                                .maxAttempts(1)
                                .advanced().amazonAthenaClient("#" + athenaClient))
                    .end()
                    .choice()
                        .when(header(Athena2Constants.QUERY_EXECUTION_STATE).isNotEqualTo(QueryExecutionState.SUCCEEDED))
                            .bean(log, "failed")
                        .otherwise()
                            .setVariable("execution", body())
                            .to(aws2Athena("report-results")
                                    .operation(Athena2Operations.getQueryResults)
                                    .outputType(Athena2OutputType.StreamList)
                                    .advanced().amazonAthenaClient("#" + athenaClient))
                            .setBody(method(ResultTable.class, "fromPages"))
                            .setVariable("table", body())
                            .setVariable("key", method(keys, "run(${variable.report.name})"))
                            .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("text/csv"))
                            .setBody(simple("${body.toCsv}"))
                            .setHeader(AWS2S3Constants.KEY, variable("key"))
                            .to(lakeBucket(lake))
                            .setHeader(AWS2S3Constants.KEY, method(keys, "latest(${variable.report.name})"))
                            .to(lakeBucket(lake))
                            .setBody(variable("table"))
                            .bean(log, "succeeded")
                    .endDoTry()
                .doCatch(Exception.class)
                    .bean(log, "failedWithError")
                .end();
    }

    /** The report queries, by name; none found stops start-up. */
    private List<Report> reports(String pattern) throws Exception {
        List<Report> reports = new ArrayList<>();
        for (Resource resource : PluginHelper.getPackageScanResourceResolver(getContext()).findResources(pattern)) {
            try (InputStream in = resource.getInputStream()) {
                String location = resource.getLocation();
                reports.add(Report.fromFile(location.substring(location.lastIndexOf('/') + 1),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("reports.queries: no .sql file matches '" + pattern + "'");
        }
        reports.sort(Comparator.comparing(Report::name));
        return reports;
    }
}
