# covid-pipeline image: docker build -t covid-pipeline:dev .
# One image for every role; PIPELINE_ROUTES picks what a container runs (sink | crawler,reports | replay).

# --- build: the jar and its dependencies (target/covid-pipeline.jar + target/lib/; the local stack's own
# jars go to target/lib-local/, which the image leaves out: no Kafka broker, no S3 server in it)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# the dependencies first, in their own layer: it is rebuilt only when pom.xml changes
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src/ src/
COPY samples/ samples/
RUN mvn -B -DskipTests package

# --- run: a JRE, the jar, lib/ and the sample data, as a non-root user
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 covid \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin covid
WORKDIR /app
# owned by root and not writable by the app: the container may run with a read-only root filesystem
COPY --from=build /build/target/lib/ /app/lib/
COPY --from=build /build/target/covid-pipeline.jar /app/covid-pipeline.jar
COPY --from=build /build/samples/ /app/samples/
USER 10001:10001
# Camel's management server: /observe/health/live, /observe/health/ready, /observe/metrics
EXPOSE 9876
# Heap sized from the container's memory limit; temp files (the zstd and lz4 native libraries, unpacked) under /tmp, which
# Kubernetes mounts as an emptyDir when the root filesystem is read-only. Override with JAVA_OPTS.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp"
# exec: java is PID 1 and gets SIGTERM itself, so Camel shuts down gracefully
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/covid-pipeline.jar \"$@\"", "covid-pipeline"]
