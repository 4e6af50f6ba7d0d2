# One image recipe for all five services; MODULE picks the service:
#
#   ./mvnw -DskipTests package                       # builds every <module>/target/<module>-0.1.0-SNAPSHOT-exec.jar
#   docker build --build-arg MODULE=gateway -t xbox-shop/gateway:0.1.0 .
#
# The image repackages the jar Maven already built and tested instead of running Maven inside Docker:
# five images share one build, no Maven cache lives in a build stage, and the image holds exactly the
# bytes the tests ran against. docker-compose.yml and k8s/README.md build all five this way.

# A pinned patch release; bump the tag deliberately (it also fixes the OS packages of the image).
ARG JRE_IMAGE=eclipse-temurin:21.0.10_7-jre-jammy

FROM ${JRE_IMAGE} AS layers
ARG MODULE
ARG VERSION=0.1.0-SNAPSHOT
RUN test -n "${MODULE}" || { echo "build with --build-arg MODULE=<gateway|web-tier|cart-service|inventory-service|order-service>" >&2; exit 1; }
WORKDIR /build
COPY ${MODULE}/target/${MODULE}-${VERSION}-exec.jar app.jar
# Split the Boot jar into its layers (and the launcher), so a code change only rebuilds the last layer.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${JRE_IMAGE}
ARG MODULE
LABEL org.opencontainers.image.title="xbox-shop/${MODULE}"
# A fixed numeric UID, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
RUN groupadd --system --gid 10001 shop \
    && useradd --system --uid 10001 --gid shop --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin shop
WORKDIR /app
# Least to most often changed: third-party jars, the Boot launcher, snapshot jars, the service's own classes.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
# The heap follows the container's memory limit; 60% leaves room for metaspace, threads and direct buffers
# in the small (512-768 MiB) limits used here. An OutOfMemoryError ends the process, so the orchestrator
# restarts it instead of it limping on. The JVM writes only to /tmp (mount a volume there when the root
# file system is read-only).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
# Health checks live in docker-compose.yml and the Kubernetes probes: the port differs per service.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
