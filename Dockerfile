# syntax=docker/dockerfile:1
# Container image of the RTM token service: API on 8080, management (actuator) on 8081.
# Base images are arguments so that other JDK/JRE images can be swapped in (see docs/deployment.md).
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /workspace
# Dependency layer: rebuilt only when the wrapper or the POM change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY docker/HealthCheck.java docker/
RUN ./mvnw -B -q -DskipTests package \
    && javac --release 17 -d /workspace/healthcheck docker/HealthCheck.java \
    && java -Djarmode=tools -jar target/rtm-token-service.jar extract --layers --destination /workspace/extracted

FROM ${RUNTIME_IMAGE} AS runtime
ARG APP_UID=10001
RUN groupadd --gid "${APP_UID}" app \
    && useradd --uid "${APP_UID}" --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app
WORKDIR /app
# Layers ordered from least to most frequently changed.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
COPY --from=build /workspace/healthcheck/ /app/healthcheck/
# Container-sized JVM defaults; override the whole variable to change them. A fixed 128 MiB heap holds the ~30 MB
# live set plus a full rate-limit bucket map, and keeps heap + AOT cache + code + threads well under 512 MiB.
ENV JAVA_TOOL_OPTIONS="-Xmx128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError" \
    SERVER_TOMCAT_THREADS_MAX=16
# Training run: starts the context once and exits, writing an AOT cache (Java 25+) or a CDS archive (older JDKs).
# The credentials below are well-formed dummies that exist only for this step; real ones come at run time.
RUN set -eu; \
    if java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -qw AOTCacheOutput; then \
        trainingFlag=-XX:AOTCacheOutput=/app/app.aot; runFlag=-XX:AOTCache=/app/app.aot; \
    else \
        trainingFlag=-XX:ArchiveClassesAtExit=/app/app.jsa; runFlag=-XX:SharedArchiveFile=/app/app.jsa; \
    fi; \
    AGORA_APP_ID=00112233445566778899aabbccddeeff AGORA_APP_CERTIFICATE=ffeeddccbbaa99887766554433221100 \
    RTM_TOKEN_AUTH_MODE=none \
        java "$trainingFlag" -Dspring.context.exit=onRefresh -jar /app/rtm-token-service.jar >/tmp/training.log 2>&1 \
        || { cat /tmp/training.log; exit 1; }; \
    rm -f /tmp/training.log; \
    echo "$runFlag" > /app/jvm-cache.args
USER ${APP_UID}:${APP_UID}
EXPOSE 8080 8081
HEALTHCHECK --interval=15s --timeout=10s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx16m", "-Xss256k", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", "/app/healthcheck", \
        "HealthCheck"]
ENTRYPOINT ["java", "@/app/jvm-cache.args", "-jar", "/app/rtm-token-service.jar"]
