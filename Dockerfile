# The hub as a container: built with Maven, run on a JRE with the shipped configuration under /app/config.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY routes routes
COPY config config
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/dsr-hub-*-SNAPSHOT.jar /app/dsr-hub.jar
COPY config /app/config
RUN useradd --system --home /app dsr && mkdir -p /app/data && chown dsr /app/data
USER dsr
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/dsr-hub.jar"]
