# syntax=docker/dockerfile:1
#
# Kyoso API: JVM image (Quarkus fast-jar).
#
# The build context is the repository root, not docker/:
#   docker build -f docker/api.Dockerfile -t kyoso-api .
# (compose.yaml does the same with `context: ..`). The file
# docker/api.Dockerfile.dockerignore keeps the context small and leaves out a local
# api/target/, so stale classes from a developer build never reach the image.

############################
# Build stage
############################
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build

# Only what `-pl api -am` needs: the parent POM, the wrapper and the api module.
# When another module (for example web/) joins <modules> in pom.xml, Maven reads every
# listed module even with -pl, so at least that module's pom.xml must be copied here too.
COPY pom.xml mvnw ./
COPY .mvn/ .mvn/
COPY api/ api/
# The realm export: the source of the demo people the demo data refers to.
COPY docker/keycloak/kyoso-realm.json docker/keycloak/kyoso-realm.json
# The reactor lists web/ too; -pl api builds only the API, but Maven reads every module's POM.
# The SPA has its own image (docker/web.Dockerfile).
COPY web/pom.xml web/pom.xml

# The cache mount keeps the local repository and the wrapper's Maven between builds
# (BuildKit; compose uses it by default). Tests run in CI, not in the image build.
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
    && ./mvnw -B -pl api -am package -DskipTests

############################
# Runtime stage
############################
FROM eclipse-temurin:21-jre

ENV LANGUAGE='en_US:en'

# Unprivileged user (uid/gid 185, the usual Quarkus image convention). The application
# files stay owned by root and read-only for this user.
RUN groupadd --system --gid 185 kyoso \
    && useradd --system --uid 185 --gid kyoso --home-dir /deployments --no-create-home \
       --shell /usr/sbin/nologin kyoso

WORKDIR /deployments

# The standard fast-jar layout, in four layers from least to most often changed.
COPY --from=build /build/api/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build /build/api/target/quarkus-app/*.jar /deployments/
COPY --from=build /build/api/target/quarkus-app/app/ /deployments/app/
COPY --from=build /build/api/target/quarkus-app/quarkus/ /deployments/quarkus/

USER 185
EXPOSE 8080

# JAVA_OPTS replaces these defaults; JAVA_OPTS_APPEND adds to them
# (for example: -e JAVA_OPTS_APPEND="-Xlog:gc"). Half the container's memory for the heap: what is
# not heap (classes, compiled code, threads) takes about 240 MB under load (docs/benchmarks.md#load);
# what the C library frees is handed back to the system every 5 s (TrimNativeHeapInterval).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=50.0 -XX:TrimNativeHeapInterval=5000 -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    JAVA_OPTS_APPEND=""

# `exec` makes java PID 1 so it receives SIGTERM and Quarkus shuts down gracefully.
# Arguments given after the image name (compose `command:`) are passed to the application.
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar \"$@\"", "kyoso-api"]
