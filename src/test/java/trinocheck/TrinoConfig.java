package trinocheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import local.Directories;

/**
 * The files of a throw-away single-node Trino in its own folder: coordinator and worker in one, on the loopback
 * interface, a modest heap, only the Hive plugin (loading the other fifty costs start-up time), and one catalog,
 * {@code hive}, with a file metastore and the local file system as storage. The storage root holds a link to the
 * S3 server's data dir, so that s3://bucket/key is local:///s3/bucket/key, and the metastore beside it: inside the
 * data dir, the S3 server would show the metastore as a bucket.
 */
record TrinoConfig(Path etc, Path data, Path log) {

    static final String CATALOG = "hive";
    private static final String S3_LINK = "s3";

    /** Writes it all anew in {@code dir}: an earlier run's metastore would still hold that run's tables. */
    static TrinoConfig write(Path dir, Path trinoHome, Path s3Root, int port) {
        Directories.deleteTree(dir);
        TrinoConfig config = new TrinoConfig(dir.resolve("etc"), dir.resolve("var"), dir.resolve("server.log"));
        Path storage = dir.resolve("storage");
        Path plugins = dir.resolve("plugin");
        try {
            Files.createDirectories(storage.resolve("metastore"));
            Files.createSymbolicLink(storage.resolve(S3_LINK), s3Root.toAbsolutePath());
            Files.createDirectories(plugins);
            Files.createSymbolicLink(plugins.resolve("hive"), trinoHome.resolve("plugin/hive").toAbsolutePath());
            write(config.etc.resolve("node.properties"),
                    "node.environment=trino_check",
                    "node.id=trino-check",
                    "node.data-dir=" + config.data.toAbsolutePath(),
                    "node.internal-address=127.0.0.1",
                    "node.bind-ip=127.0.0.1");
            // 2 GB is plenty for reports over a sample lake, and the machine is shared. Trino lives a minute or two
            // here: C2's compiling does not pay back; without it Trino started in 23.7 and 25.2 s, with it in 30.9 and
            // 37.7 s (2 busy cores)
            write(config.etc.resolve("jvm.config"),
                    "-Xmx2g",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseG1GC",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-XX:+EnableDynamicAgentLoading",
                    "-Djdk.attach.allowAttachSelf=true");
            write(config.etc.resolve("config.properties"),
                    "coordinator=true",
                    "node-scheduler.include-coordinator=true",
                    "http-server.http.port=" + port,
                    "discovery.uri=http://127.0.0.1:" + port,
                    "plugin.dir=" + plugins.toAbsolutePath(),
                    "query.max-memory=1GB",
                    "query.max-memory-per-node=1GB");
            write(config.etc.resolve("catalog").resolve(CATALOG + ".properties"),
                    "connector.name=hive",
                    "hive.metastore=file",
                    "hive.metastore.catalog.dir=local:///metastore",
                    "fs.native-local.enabled=true",
                    "local.location=" + storage.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Trino's configuration in " + dir + ": " + e.getMessage(), e);
        }
        return config;
    }

    /** Where Trino's Hive catalog finds an object of the local S3 server, e.g. s3://covid-lake/lake/us_counties/. */
    static String location(String s3Uri) {
        if (!s3Uri.startsWith("s3://")) {
            throw new IllegalArgumentException("not an s3:// location: " + s3Uri);
        }
        return "local:///" + S3_LINK + "/" + s3Uri.substring("s3://".length());
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
    }
}
