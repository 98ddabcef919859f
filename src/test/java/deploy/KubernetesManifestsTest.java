package deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import support.Executables;

/**
 * The deployment files: the Kubernetes manifests as {@code kubectl kustomize} renders them (base and
 * both overlays), the EC2 systemd unit and properties, and the IAM policy. Needs {@code kubectl} on the
 * PATH (Debian's {@code kubectl} package); without it the test fails rather than skips.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final String APP = "covid-pipeline";
    static final String MANAGEMENT_PORT = "9876";
    static final String CONFIG_DIR = "/etc/covid-pipeline";
    /** keys the app reads that are not (yet) in the built-in properties files: the MSK security settings */
    static final Set<String> EXTRA_KEYS = Set.of("kafka.security-protocol", "kafka.sasl-mechanism", "kafka.sasl-jaas-config");
    /** environment variables of the pipeline's containers that are not application properties */
    static final Set<String> NON_PROPERTY_ENV = Set.of("JAVA_OPTS");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    // ---------------------------------------------------------------- every rendering

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/eks", "k8s/overlays/local"})
    void pipelinePodsAreLockedDown(String dir) {
        List<JsonNode> docs = render(dir);
        List<JsonNode> workloads = pipelineWorkloads(docs);
        assertThat(workloads).extracting(w -> w.path("kind").asText() + "/" + name(w))
                .containsExactlyInAnyOrder("Deployment/covid-pipeline-sink", "Deployment/covid-pipeline-scheduler",
                        "Job/covid-pipeline-replay");
        for (JsonNode w : workloads) {
            String where = dir + " " + name(w);
            JsonNode pod = w.at("/spec/template/spec");
            assertThat(pod.path("serviceAccountName").asText()).as(where + " serviceAccountName").isEqualTo(APP);
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(where + " pod runAsNonRoot").isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).as(where + " pod runAsUser").isEqualTo(10001);
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as(where + " seccomp").isEqualTo("RuntimeDefault");
            assertThat(emptyDirMountedAt(pod, "/tmp")).as(where + " emptyDir at /tmp").isTrue();
            assertThat(configMapMountedAt(pod, CONFIG_DIR)).as(where + " ConfigMap read-only at " + CONFIG_DIR).isTrue();
            JsonNode annotations = w.at("/spec/template/metadata/annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).as(where + " prometheus.io/scrape").isEqualTo("true");
            assertThat(annotations.path("prometheus.io/port").asText()).as(where + " prometheus.io/port").isEqualTo(MANAGEMENT_PORT);
            assertThat(annotations.path("prometheus.io/path").asText()).as(where + " prometheus.io/path").isEqualTo("/observe/metrics");

            for (JsonNode c : allContainers(pod)) {
                String cw = where + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(cw + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").isBoolean() && !sc.path("allowPrivilegeEscalation").asBoolean())
                        .as(cw + " allowPrivilegeEscalation false").isTrue();
                assertThat(texts(sc.at("/capabilities/drop"))).as(cw + " capabilities drop").contains("ALL");
                boolean nonRoot = sc.path("runAsNonRoot").asBoolean(pod.at("/securityContext/runAsNonRoot").asBoolean());
                assertThat(nonRoot).as(cw + " runAsNonRoot").isTrue();
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(c.at("/resources/" + kind + "/" + resource).asText())
                                .as(cw + " resources." + kind + "." + resource).isNotBlank();
                    }
                }
            }
            JsonNode main = pipelineContainer(w);
            assertThat(env(main)).as(where + " env").containsEntry("CAMEL_MAIN_FILE_CONFIGURATIONS", CONFIG_DIR + "/*.properties");
            assertThat(StreamSupport.stream(main.path("envFrom").spliterator(), false)
                    .anyMatch(e -> e.at("/secretRef/name").asText().startsWith(APP + "-secrets")))
                    .as(where + " envFrom the Secret " + APP + "-secrets").isTrue();
            assertThat(StreamSupport.stream(main.path("ports").spliterator(), false)
                    .anyMatch(p -> p.path("containerPort").asText().equals(MANAGEMENT_PORT) && p.path("name").asText().equals("management")))
                    .as(where + " containerPort 9876 named management").isTrue();
            assertThat(main.path("env").findValues("name").stream().map(JsonNode::asText))
                    .as(where + " PIPELINE_ROUTES").contains("PIPELINE_ROUTES");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/eks", "k8s/overlays/local"})
    void deploymentsHaveProbesAndShutdownTime(String dir) {
        for (JsonNode d : pipelineWorkloads(render(dir))) {
            if (!d.path("kind").asText().equals("Deployment")) {
                continue;
            }
            String where = dir + " " + name(d);
            JsonNode c = pipelineContainer(d);
            assertThat(c.at("/livenessProbe/httpGet/path").asText()).as(where + " liveness").isEqualTo("/observe/health/live");
            assertThat(c.at("/readinessProbe/httpGet/path").asText()).as(where + " readiness").isEqualTo("/observe/health/ready");
            assertThat(c.at("/livenessProbe/httpGet/port").asText()).as(where + " liveness port").isIn("management", MANAGEMENT_PORT);
            assertThat(c.at("/readinessProbe/httpGet/port").asText()).as(where + " readiness port").isIn("management", MANAGEMENT_PORT);
            // Camel's shutdown timeout is 30 s
            assertThat(d.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).as(where + " grace").isGreaterThanOrEqualTo(45);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/eks", "k8s/overlays/local"})
    void sinkScalesWithThePartitionsAndTheSchedulerIsAlone(String dir) {
        List<JsonNode> docs = render(dir);
        JsonNode sink = find(docs, "Deployment", "covid-pipeline-sink");
        String partitions = sink.at("/metadata/annotations/covid-pipeline~1topic-partitions").asText();
        assertThat(partitions).as("the sink's covid-pipeline/topic-partitions annotation").matches("[1-9][0-9]*");
        assertThat(sink.at("/spec/replicas").asInt()).as(dir + ": sink replicas = topic partitions").isEqualTo(Integer.parseInt(partitions));
        assertThat(env(pipelineContainer(sink))).containsEntry("PIPELINE_ROUTES", "sink");

        List<JsonNode> pdbs = all(docs, "PodDisruptionBudget");
        Map<String, String> sinkPodLabels = labels(sink.at("/spec/template/metadata/labels"));
        assertThat(pdbs).as(dir + ": a PodDisruptionBudget selecting the sink's pods").anySatisfy(pdb -> {
            assertThat(sinkPodLabels).containsAllEntriesOf(labels(pdb.at("/spec/selector/matchLabels")));
            assertThat(pdb.at("/spec/selector/matchLabels").size()).isPositive();
            assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        });
        for (JsonNode other : pipelineWorkloads(docs)) {
            if (other != sink) {
                assertThat(labels(other.at("/spec/template/metadata/labels")))
                        .as("the sink's PDB must not select " + name(other)).doesNotContainEntry("app.kubernetes.io/component", "sink");
            }
        }

        JsonNode scheduler = find(docs, "Deployment", "covid-pipeline-scheduler");
        int expected = dir.endsWith("local") ? 0 : 1; // no Glue/Athena in the local overlay
        assertThat(scheduler.at("/spec/replicas").asInt()).as(dir + ": scheduler replicas").isEqualTo(expected);
        assertThat(scheduler.at("/spec/strategy/type").asText()).as(dir + ": scheduler strategy").isEqualTo("Recreate");
        assertThat(env(pipelineContainer(scheduler))).containsEntry("PIPELINE_ROUTES", "crawler,reports");

        JsonNode replay = find(docs, "Job", "covid-pipeline-replay");
        assertThat(env(pipelineContainer(replay))).containsEntry("PIPELINE_ROUTES", "replay").containsKey("REPLAY_FILE");
        assertThat(replay.at("/spec/template/spec/restartPolicy").asText()).isIn("Never", "OnFailure");
        assertThat(replay.at("/spec/backoffLimit").isInt()).as("the Job states its backoffLimit").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/eks", "k8s/overlays/local"})
    void configurationUsesKnownKeysAndNoSecrets(String dir) throws IOException {
        List<JsonNode> docs = render(dir);
        Set<String> known = knownKeys();

        JsonNode config = configMap(docs, "covid-pipeline-config");
        Map<String, String> seen = new HashMap<>();
        config.path("data").fields().forEachRemaining(file -> {
            assertThat(file.getKey()).as("files in the ConfigMap mounted at " + CONFIG_DIR).endsWith(".properties");
            Properties p = properties(file.getValue().asText());
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("camel.")) {
                    assertThat(known).as(dir + ": key " + key + " of " + file.getKey() + " is a property of the app").contains(key);
                }
                // Camel loads the mounted files in no set order: a key in two files would be a coin toss
                String before = seen.put(key, file.getKey());
                assertThat(before).as(dir + ": " + key + " is in " + before + " and " + file.getKey()).isNull();
                assertThat(isSecretKey(key) && !p.getProperty(key).isBlank())
                        .as(dir + ": secret " + key + " in a ConfigMap").isFalse();
            }
        });

        Set<String> secretValues = secretValues(docs);
        for (JsonNode cm : all(docs, "ConfigMap")) {
            cm.path("data").fields().forEachRemaining(e -> {
                assertThat(isSecretKey(propertyLike(e.getKey())) && !e.getValue().asText().isBlank())
                        .as(dir + ": secret " + e.getKey() + " in ConfigMap " + name(cm)).isFalse();
                for (String secret : secretValues) {
                    String value = e.getValue().asText();
                    boolean leaked = value.equals(secret) || (secret.length() >= 12 && value.contains(secret))
                            || (e.getKey().endsWith(".properties") && properties(value).containsValue(secret));
                    assertThat(leaked).as(dir + ": a Secret's value in ConfigMap " + name(cm) + " " + e.getKey()).isFalse();
                }
            });
        }

        // every environment variable a pipeline container gets names a property (or a camel.* option)
        Set<String> envNames = new LinkedHashSet<>();
        JsonNode envConfig = configMap(docs, "covid-pipeline-env");
        envConfig.path("data").fieldNames().forEachRemaining(envNames::add);
        for (JsonNode secret : all(docs, "Secret")) {
            if (name(secret).startsWith(APP + "-secrets")) {
                secret.path("data").fieldNames().forEachRemaining(envNames::add);
            }
        }
        for (JsonNode w : pipelineWorkloads(docs)) {
            JsonNode c = pipelineContainer(w);
            for (JsonNode e : c.path("env")) {
                String n = e.path("name").asText();
                envNames.add(n);
                assertThat(isSecretKey(propertyLike(n)) && e.has("value") && !e.path("value").asText().isBlank())
                        .as(dir + ": " + n + " must come from a Secret, not a literal value").isFalse();
            }
        }
        for (String n : envNames) {
            if (n.startsWith("CAMEL_") || NON_PROPERTY_ENV.contains(n)) {
                continue;
            }
            assertThat(envToProperty(n, known)).as(dir + ": environment variable " + n + " names a property of the app").isPresent();
        }
        // an environment variable wins over the mounted files: the same key in both is a trap
        for (String n : envNames) {
            envToProperty(n, known).ifPresent(key -> assertThat(seen).as(dir + ": " + key + " is set both as " + n
                    + " and in " + seen.get(key)).doesNotContainKey(key));
        }
    }

    // ---------------------------------------------------------------- per overlay

    @Test
    void eksUsesIrsaOneImageAndMskIam() {
        List<JsonNode> docs = render("k8s/overlays/eks");
        JsonNode sa = find(docs, "ServiceAccount", APP);
        assertThat(sa.at("/metadata/annotations/eks.amazonaws.com~1role-arn").asText())
                .as("IRSA role").matches("arn:aws:iam::[0-9]{12}:role/.+");
        Set<String> images = pipelineWorkloads(docs).stream().map(w -> pipelineContainer(w).path("image").asText())
                .collect(Collectors.toSet());
        assertThat(images).as("one image for every role").hasSize(1);
        assertThat(images.iterator().next()).as("image from ECR").matches("[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/.+:.+");
        for (JsonNode w : pipelineWorkloads(docs)) {
            assertThat(env(pipelineContainer(w))).as(name(w)).containsEntry("CAMEL_MAIN_PROFILE", "aws");
        }
        Map<String, String> env = stringMap(configMap(docs, "covid-pipeline-env").path("data"));
        assertThat(env).as("the aws profile requires these from the environment").containsKeys("KAFKA_BROKERS", "LAKE_BUCKET");
        assertThat(env.get("KAFKA_BROKERS")).isNotBlank();
        assertThat(env.get("LAKE_BUCKET")).isNotBlank();
        Properties props = allProperties(configMap(docs, "covid-pipeline-config"));
        assertThat(props.getProperty("kafka.security-protocol")).isEqualTo("SASL_SSL");
        assertThat(props.getProperty("kafka.sasl-mechanism")).isEqualTo("AWS_MSK_IAM");
        assertThat(props.getProperty("lake.s3.sse")).isEqualTo("kms");
        assertThat(props.getProperty("lake.s3.kms-key-id")).isNotBlank();
        JsonNode replay = find(docs, "Job", "covid-pipeline-replay");
        assertThat(replay.at("/spec/template/spec/initContainers/0/env").findValues("value").stream().map(JsonNode::asText))
                .as("the replay's CSV comes from S3").anyMatch(v -> v.startsWith("s3://"));
        assertThat(all(docs, "Secret")).as("the Secret is made out of band, never committed").isEmpty();
    }

    @Test
    void localRunsWithoutTheAwsProfileAgainstInClusterKafkaAndMinio() {
        List<JsonNode> docs = render("k8s/overlays/local");
        for (JsonNode w : pipelineWorkloads(docs)) {
            assertThat(env(pipelineContainer(w))).as(name(w)).doesNotContainKey("CAMEL_MAIN_PROFILE");
            assertThat(pipelineContainer(w).path("image").asText()).isEqualTo("covid-pipeline:dev");
        }
        Map<String, String> env = stringMap(configMap(docs, "covid-pipeline-env").path("data"));
        assertThat(env).containsEntry("LOCAL_ENABLED", "false").containsEntry("KAFKA_BROKERS", "kafka:9092")
                .containsEntry("LAKE_S3_ENDPOINT", "http://minio:9000");
        assertThat(find(docs, "Service", "kafka").at("/spec/ports/0/port").asInt()).isEqualTo(9092);
        assertThat(find(docs, "Service", "minio").at("/spec/ports/0/port").asInt()).isEqualTo(9000);
        find(docs, "Deployment", "kafka");
        find(docs, "Deployment", "minio");
        String topics = find(docs, "Job", "kafka-topics").toString();
        String partitions = find(docs, "Deployment", "covid-pipeline-sink").at("/metadata/annotations/covid-pipeline~1topic-partitions").asText();
        assertThat(topics).as("the local topics have the sink's partition count").contains("--partitions " + partitions);
        assertThat(find(docs, "Job", "minio-bucket").toString()).contains(env.get("LAKE_BUCKET"));
        assertThat(find(docs, "Job", "covid-pipeline-replay").at("/spec/template/spec/initContainers").size())
                .as("the local replay reads the sample in the image").isZero();
    }

    // ---------------------------------------------------------------- EC2

    @Test
    void systemdUnitRestartsAndReadsEtcCovidPipeline() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("deploy/ec2/covid-pipeline.service"));
        Map<String, List<String>> unit = new HashMap<>();
        for (String line : lines) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("[") && eq > 0) {
                unit.computeIfAbsent(l.substring(0, eq), k -> new ArrayList<>()).add(l.substring(eq + 1));
            }
        }
        assertThat(unit.get("Restart")).containsExactly("on-failure");
        assertThat(unit.get("User")).containsExactly("covid-pipeline");
        assertThat(unit.get("WorkingDirectory")).containsExactly("/opt/covid-pipeline");
        assertThat(unit.get("Environment")).contains("CAMEL_MAIN_PROFILE=aws", "CAMEL_MAIN_FILE_CONFIGURATIONS=" + CONFIG_DIR + "/*.properties");
        assertThat(unit.get("EnvironmentFile")).containsExactly("-" + CONFIG_DIR + "/secrets.env");
        assertThat(unit.get("ExecStart")).singleElement().asString()
                .startsWith("/usr/bin/java ").contains("-XX:MaxRAMPercentage=").contains("-Djava.io.tmpdir=")
                .endsWith("-jar /opt/covid-pipeline/covid-pipeline.jar");
        assertThat(Integer.parseInt(unit.get("TimeoutStopSec").get(0))).isGreaterThan(30);
        assertThat(unit.get("NoNewPrivileges")).containsExactly("yes");
        assertThat(unit.get("ProtectSystem")).containsExactly("strict");
    }

    @Test
    void ec2PropertiesUseKnownKeysAndHoldNoSecrets() throws IOException {
        Set<String> known = knownKeys();
        Properties p = properties(Files.readString(ROOT.resolve("deploy/ec2/application.properties")));
        assertThat(p).isNotEmpty();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("camel.")) {
                assertThat(known).as("deploy/ec2/application.properties: " + key).contains(key);
            }
            assertThat(isSecretKey(key) && !p.getProperty(key).isBlank()).as("secret " + key + " in application.properties").isFalse();
        }
        for (String line : Files.readAllLines(ROOT.resolve("deploy/ec2/secrets.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String name = line.substring(0, line.indexOf('='));
                assertThat(envToProperty(name, known)).as("secrets.env.example: " + name).isPresent();
            }
        }
    }

    @Test
    void iamPolicyIsLeastPrivilege() throws IOException {
        JsonNode policy = JSON.readTree(ROOT.resolve("deploy/ec2/iam-policy.json").toFile());
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        JsonNode statements = policy.path("Statement");
        assertThat(statements.size()).isPositive();
        Set<String> actions = new HashSet<>();
        for (JsonNode s : statements) {
            String sid = s.path("Sid").asText();
            assertThat(s.path("Effect").asText()).as(sid).isEqualTo("Allow");
            assertThat(s.has("NotAction") || s.has("NotResource")).as(sid + " NotAction/NotResource").isFalse();
            List<String> resources = texts(s.path("Resource"));
            assertThat(resources).as(sid + " resources").isNotEmpty().doesNotContain("*");
            for (String a : texts(s.path("Action"))) {
                actions.add(a);
                assertThat(a).as(sid + " action").doesNotContain("*");
            }
            for (String r : resources) {
                if (r.startsWith("arn:aws:s3:::")) {
                    assertThat(r).as(sid).matches("arn:aws:s3:::my-covid-lake(/(lake|reports|athena-results|input)/\\*)?");
                }
            }
            if (texts(s.path("Action")).contains("s3:ListBucket")) {
                // IfExists: the readiness check's HeadBucket is authorised as ListBucket and carries no prefix
                boolean byPrefix = !s.at("/Condition/StringLike/s3:prefix").isMissingNode()
                        || !s.at("/Condition/StringLikeIfExists/s3:prefix").isMissingNode();
                assertThat(byPrefix).as(sid + ": ListBucket limited by prefix").isTrue();
            }
        }
        assertThat(actions).contains("s3:PutObject", "s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation",
                "glue:StartCrawler", "glue:GetCrawler", "glue:GetTables", "glue:GetPartitions", "glue:GetTable",
                "glue:BatchCreatePartition",
                "athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution",
                "kms:Decrypt", "kms:GenerateDataKey", "kafka-cluster:Connect", "kafka-cluster:ReadData", "kafka-cluster:WriteData",
                "kafka-cluster:AlterGroup");
        assertThat(actions).as("topics and the crawler are made by ops").doesNotContain("kafka-cluster:CreateTopic", "glue:CreateCrawler",
                "iam:PassRole", "s3:DeleteObject");
    }

    // ---------------------------------------------------------------- helpers

    static List<JsonNode> render(String dir) {
        Path kubectl = Executables.onPath("kubectl")
                .orElseGet(() -> fail("kubectl is not on the PATH: install Debian's kubectl package (apt-get install kubectl);"
                        + " this test renders the manifests with `kubectl kustomize " + dir + "`"));
        try {
            Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir).directory(ROOT.toFile()).start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = readAll(p.getInputStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            String stderr = new String(err.get(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("kubectl kustomize " + dir + " failed: " + stderr).isZero();
            List<JsonNode> docs = new ArrayList<>();
            try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(new StringReader(new String(out, StandardCharsets.UTF_8)))) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && doc.isObject() && doc.size() > 0) {
                        docs.add(doc);
                    }
                }
            }
            assertThat(docs).as("documents rendered from " + dir).isNotEmpty();
            return docs;
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("kubectl kustomize " + dir + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** the covid-pipeline Deployments and Jobs (not the local overlay's Kafka and MinIO) */
    static List<JsonNode> pipelineWorkloads(List<JsonNode> docs) {
        return docs.stream().filter(d -> Set.of("Deployment", "Job").contains(d.path("kind").asText()))
                .filter(d -> APP.equals(d.at("/metadata/labels/app.kubernetes.io~1name").asText()))
                .collect(Collectors.toList());
    }

    static JsonNode pipelineContainer(JsonNode workload) {
        for (JsonNode c : workload.at("/spec/template/spec/containers")) {
            if (c.path("name").asText().equals(APP)) {
                return c;
            }
        }
        throw new AssertionError(name(workload) + " has no container named " + APP);
    }

    static List<JsonNode> allContainers(JsonNode pod) {
        List<JsonNode> list = new ArrayList<>();
        pod.path("initContainers").forEach(list::add);
        pod.path("containers").forEach(list::add);
        assertThat(pod.path("containers").size()).isPositive();
        return list;
    }

    static boolean emptyDirMountedAt(JsonNode pod, String path) {
        Set<String> emptyDirs = new HashSet<>();
        pod.path("volumes").forEach(v -> {
            if (v.has("emptyDir")) {
                emptyDirs.add(v.path("name").asText());
            }
        });
        for (JsonNode c : allContainers(pod)) {
            boolean mounted = StreamSupport.stream(c.path("volumeMounts").spliterator(), false)
                    .anyMatch(m -> m.path("mountPath").asText().equals(path) && emptyDirs.contains(m.path("name").asText()));
            if (!mounted) {
                return false;
            }
        }
        return true;
    }

    static boolean configMapMountedAt(JsonNode pod, String path) {
        Set<String> configVolumes = new HashSet<>();
        pod.path("volumes").forEach(v -> {
            if (v.at("/configMap/name").asText().startsWith("covid-pipeline-config")) {
                configVolumes.add(v.path("name").asText());
            }
        });
        for (JsonNode c : pod.path("containers")) {
            if (c.path("name").asText().equals(APP)) {
                return StreamSupport.stream(c.path("volumeMounts").spliterator(), false)
                        .anyMatch(m -> m.path("mountPath").asText().equals(path) && m.path("readOnly").asBoolean()
                                && configVolumes.contains(m.path("name").asText()));
            }
        }
        return false;
    }

    static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind) && name(d).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendering"));
    }

    static List<JsonNode> all(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).collect(Collectors.toList());
    }

    /** a generated ConfigMap, whose name has kustomize's hash suffix */
    static JsonNode configMap(List<JsonNode> docs, String prefix) {
        List<JsonNode> found = all(docs, "ConfigMap").stream()
                .filter(d -> name(d).matches(java.util.regex.Pattern.quote(prefix) + "(-[a-z0-9]{10})?"))
                .collect(Collectors.toList());
        assertThat(found).as("ConfigMap " + prefix).hasSize(1);
        return found.get(0);
    }

    static String name(JsonNode doc) {
        return doc.at("/metadata/name").asText();
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText(null)));
        return env;
    }

    static Map<String, String> labels(JsonNode node) {
        return stringMap(node);
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static List<String> texts(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            list.add(node.asText());
        }
        return list;
    }

    static Properties properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    static Properties allProperties(JsonNode configMap) {
        Properties all = new Properties();
        configMap.path("data").fields().forEachRemaining(e -> all.putAll(properties(e.getValue().asText())));
        return all;
    }

    static Set<String> secretValues(List<JsonNode> docs) {
        Set<String> values = new HashSet<>();
        for (JsonNode s : all(docs, "Secret")) {
            s.path("data").forEach(v -> values.add(new String(Base64.getDecoder().decode(v.asText()), StandardCharsets.UTF_8)));
            s.path("stringData").forEach(v -> values.add(v.asText()));
        }
        values.removeIf(String::isBlank);
        return values;
    }

    /** keys whose values are secrets: never in a ConfigMap, a properties file or a literal env value */
    static boolean isSecretKey(String key) {
        return key.endsWith("sasl-jaas-config") || key.endsWith("secret-key") || key.endsWith("password");
    }

    /** LAKE_S3_SECRET_KEY -> lake.s3.secret-key style, for the secret-key check (dots and dashes are alike there) */
    static String propertyLike(String name) {
        return name.contains("_") || name.equals(name.toUpperCase()) ? name.toLowerCase().replace('_', '-') : name;
    }

    /** the property an environment variable sets: upper case, '.' and '-' as '_' (so each '_' is either) */
    static Optional<String> envToProperty(String name, Set<String> known) {
        String[] parts = name.toLowerCase().split("_");
        int gaps = parts.length - 1;
        if (gaps > 16) {
            return Optional.empty();
        }
        for (int mask = 0; mask < (1 << gaps); mask++) {
            StringBuilder key = new StringBuilder(parts[0]);
            for (int i = 0; i < gaps; i++) {
                key.append((mask & (1 << i)) != 0 ? '-' : '.').append(parts[i + 1]);
            }
            if (known.contains(key.toString())) {
                return Optional.of(key.toString());
            }
        }
        return Optional.empty();
    }

    /** the keys of the built-in properties files, plus the MSK security keys */
    static Set<String> knownKeys() throws IOException {
        Set<String> keys = new HashSet<>(EXTRA_KEYS);
        for (String file : List.of("application.properties", "application-aws.properties")) {
            keys.addAll(properties(Files.readString(ROOT.resolve("src/main/resources").resolve(file))).stringPropertyNames());
        }
        return keys;
    }
}
