package io.cairn.localstack;

import io.cairn.contracts.Topics;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Runs the whole platform on this machine with real parts: one PostgreSQL server with a database per service, a
 * Kafka broker (KRaft) with every topic and dead-letter topic, Keycloak with the {@code cairn} realm, a mail server
 * for the worklist's pages, the five services and the gateway as their packaged jars, and a demo program on first start
 * ({@code --no-seed} leaves it
 * out). Data stays in {@code .local-stack/} across restarts ({@code --wipe} starts over); Ctrl-C stops everything. Each part
 * can be an external one instead (see README). {@code --fault-control} opens {@link FaultControl} on loopback, through
 * which the fault suite stops and starts parts.
 */
public final class LocalStack {

    static final String KEYCLOAK_VERSION = "26.7.3";
    static final String REALM_URL = "http://localhost:" + Ports.KEYCLOAK + "/realms/cairn";
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();
    static {
        SERVICES.put("intake-service", 8081);
        SERVICES.put("treatment-plan-service", 8082);
        SERVICES.put("scheduling-service", 8083);
        SERVICES.put("aftercare-service", 8084);
        SERVICES.put("worklist-service", 8085);
        SERVICES.put("gateway", Ports.GATEWAY);
    }

    /**
     * A bounded heap and code cache, and the serial collector (no collector threads of its own): on two cores beside
     * eight other processes an app needs little more than its classes and a small heap. The heap starts small and
     * grows with what stays live (about 25 MB after load) behind a young generation of 16 MB, all of whose pages a
     * busy app keeps resident; the JVM hands freed native memory back to the system every ten seconds instead of
     * keeping it in glibc's arenas.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx160m", "-Xmn16m", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-Xss512k",
            "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=10000");
    /**
     * The services compile with C1 only. Measured on two cores (benchmarks/README.md): C2's compiler threads took a
     * third of the services' CPU for minutes after each start, and the event chain ran as fast cold on C1 as warm on
     * C2. The gateway keeps C2: it is the one hot path every request takes. Production images keep the JVM's default.
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    /** An app's shutdown: Kubernetes's grace period. */
    private static final Duration APP_GRACE = Duration.ofSeconds(30);

    private final Path root;
    private final Path data;
    private boolean seed = true;
    private final List<Process> processes = new ArrayList<>();
    /** Each running service instance by "name@port", so the fault suite can stop one and start it again. */
    private final Map<String, Process> instances = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;
    private EmbeddedKafkaBroker kafka;
    private Mailbox mailbox;
    private String kafkaServers;
    private String oidcUrl;
    private ClassDataArchive keycloakClasses;
    /** Each app's classes, archived once its own instance's first start is ready and mapped by every later start. */
    private final Map<String, ClassDataArchive> appClasses = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalStack(Path root) {
        this.root = root;
        this.data = root.resolve(".local-stack");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("cairn.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root);
        if (List.of(args).contains("--wipe")) {
            stack.wipe();
        }
        stack.seed = !List.of(args).contains("--no-seed");
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "cairn-local-stack-stop"));
        try {
            stack.start();
            if (List.of(args).contains("--fault-control")) {
                FaultControl.open(stack, Ports.FAULT_CONTROL);
                Progress.say("Fault control on http://localhost:" + Ports.FAULT_CONTROL + " (loopback only)");
            }
        } catch (Exception e) {
            System.err.println("\nCairn did not start: " + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    private void start() throws Exception {
        Progress.say("Starting Cairn from " + root + " (data in " + data + ")");
        Files.createDirectories(data.resolve("logs"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (external("CAIRN_POSTGRES_HOST") == null) {
            ports.put("PostgreSQL", Ports.POSTGRES);
        }
        if (external("KAFKA_BOOTSTRAP_SERVERS") == null) {
            ports.put("Kafka", Ports.KAFKA);
            ports.put("Kafka controller", Ports.KAFKA_CONTROLLER);
        }
        if (external("CAIRN_OIDC_URL") == null) {
            ports.put("Keycloak", Ports.KEYCLOAK);
        }
        if (external("QUARKUS_MAILER_HOST") == null) {
            ports.put("mail (SMTP)", Ports.SMTP);
            ports.put("mail (IMAP)", Ports.IMAP);
        }
        SERVICES.forEach(ports::put);
        Ports.requireFree(ports);

        if (external("QUARKUS_MAILER_HOST") == null) {
            mailbox = Progress.step("mail server", Mailbox::start);
        }
        // Keycloak takes longest and needs neither PostgreSQL nor Kafka: it starts beside them. The five services
        // start together once PostgreSQL and Kafka are up, beside Keycloak if it is still starting (a service fetches
        // Keycloak's keys again when the first token arrives), then the gateway once everything is up.
        ExecutorService parts = Executors.newCachedThreadPool();
        try {
            String oidc = external("CAIRN_OIDC_URL");
            Future<Void> keycloak = oidc == null ? parts.submit(() -> Progress.step("Keycloak " + KEYCLOAK_VERSION,
                    this::startKeycloak)) : CompletableFuture.completedFuture(null);
            this.oidcUrl = oidc == null ? REALM_URL : oidc;
            String postgresHost = external("CAIRN_POSTGRES_HOST");
            if (postgresHost == null) {
                Progress.step("PostgreSQL", this::startPostgres);
            }
            String kafkaServers = external("KAFKA_BOOTSTRAP_SERVERS");
            if (kafkaServers == null) {
                kafkaServers = Progress.step("Kafka (KRaft)", this::startKafka);
            }
            this.kafkaServers = kafkaServers;
            Progress.step("Kafka topics", () -> createTopics(this.kafkaServers));
            List<Future<Process>> services = new ArrayList<>();
            for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
                if (!service.getKey().equals("gateway")) {
                    services.add(parts.submit(() -> Progress.step(service.getKey(), () -> startService(
                            service.getKey(), service.getValue(), Map.of()))));
                }
            }
            for (Future<Process> service : services) {
                await(service);
            }
            await(keycloak);
            // The front door opens last: once the gateway is ready, so is everything behind it.
            Progress.step("gateway", () -> startService("gateway", Ports.GATEWAY, Map.of()));
        } finally {
            parts.shutdown();
        }
        Path seeded = data.resolve("demo-program-seeded");
        if (seed && external("CAIRN_OIDC_URL") == null && !Files.exists(seeded)) {
            Progress.step("demo program", () -> {
                new DemoProgram("http://localhost:" + Ports.GATEWAY, "http://localhost:" + Ports.KEYCLOAK).seed();
                return Files.writeString(seeded, java.time.Instant.now().toString());
            });
        }
        printWelcome(oidcUrl);
    }

    /** The part's own failure, not the executor's wrapping of it. */
    private static <T> T await(Future<T> part) throws Exception {
        try {
            return part.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    synchronized Void startPostgres() throws Exception {
        Path directory = data.resolve("postgres");
        Files.createDirectories(directory);
        postgres = EmbeddedPostgres.builder().setPort(Ports.POSTGRES).setDataDirectory(directory)
                .setCleanDataDirectory(false).setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                        data.resolve("logs/postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(data.resolve("logs/postgres.log").toFile()))
                .start();
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", "postgres"); Statement sql = connection.createStatement()) {
            ResultSet role = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'cairn'");
            if (!role.next()) {
                sql.execute("CREATE ROLE cairn LOGIN PASSWORD 'cairn'");
            }
            for (String database : List.of("intake", "treatment_plan", "scheduling", "aftercare", "worklist")) {
                ResultSet exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
                if (!exists.next()) {
                    sql.execute("CREATE DATABASE " + database + " OWNER cairn");
                }
            }
        }
        return null;
    }

    /** Stops PostgreSQL as an outage would: open connections are cut, the data stays. */
    synchronized void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** Stops the broker as an outage would; its data stays and {@link #restartKafka()} brings it back. */
    synchronized void stopKafka() {
        kafka.close();
    }

    synchronized void restartKafka() {
        kafka.start();
    }

    private String startKafka() throws IOException {
        Path logDir = data.resolve("kafka");
        Files.createDirectories(logDir);
        kafka = new EmbeddedKafkaBroker().withKafkaPort(Ports.KAFKA).withControllerPort(Ports.KAFKA_CONTROLLER)
                .withClusterId("cairn-local-stack-0001").withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dir", logDir.toString());
                    p.put("num.partitions", "3");
                    // On a restart the controller waits for the previous broker's session to lapse before the
                    // broker may register again: 9 s by default, of a 13 s warm start.
                    p.put("broker.session.timeout.ms", "2000");
                    p.put("broker.heartbeat.interval.ms", "500");
                });
        kafka.start();
        return kafka.getAdvertisedListeners();
    }

    private Void createTopics(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(config)) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(Topics.INTAKE, Topics.TREATMENT_PLAN, Topics.SCHEDULING, Topics.AFTERCARE,
                    Topics.WORKLIST)) {
                for (String name : List.of(topic, Topics.deadLetterOf(topic))) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, 3, (short) 1));
                    }
                }
            }
            admin.createTopics(missing).all().get();
        }
        return null;
    }

    private Void startKeycloak() throws Exception {
        Path home = data.resolve("keycloak-" + KEYCLOAK_VERSION);
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            Path archive = data.resolve("downloads/keycloak-quarkus-dist-" + KEYCLOAK_VERSION + ".tar.gz");
            if (!Files.exists(archive)) {
                Progress.say("    fetching Keycloak " + KEYCLOAK_VERSION + " from Maven Central (176 MB, once)");
                run(List.of(root.resolve("mvnw").toString(), "-B", "-q", "dependency:copy",
                        "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + KEYCLOAK_VERSION + ":tar.gz",
                        "-DoutputDirectory=" + data.resolve("downloads")));
            }
            run(List.of("tar", "-xzf", archive.toString(), "-C", data.toString()));
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        byte[] realm;
        try (InputStream json = LocalStack.class.getResourceAsStream("/cairn-realm.json")) {
            realm = json.readAllBytes();
        }
        // Keycloak skips a realm it has (IGNORE_EXISTING), but reading the file to find that took 4-5 s of each
        // start: the file is read when Keycloak's database is new or the file changed (a changed realm still needs
        // --wipe to apply, as before).
        Path imported = home.resolve("data/cairn-realm.imported.json");
        boolean importRealm = !Files.exists(imported) || !Files.exists(home.resolve("data/h2"))
                || !Arrays.equals(Files.readAllBytes(imported), realm);
        // C1 alone, and the classes of the last run mapped from an archive: a warm start of Keycloak took 15 s
        // before, 12 s on C1 and 8-10 s with both on two cores.
        keycloakClasses = new ClassDataArchive(home.resolve("keycloak-classes.jsa"), javaBinary());
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + Ports.KEYCLOAK, "--health-enabled=true"));
        if (importRealm) {
            Files.write(imports.resolve("cairn-realm.json"), realm);
            command.add("--import-realm");
        }
        Process keycloak = spawn("keycloak", command,
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        "JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                        "JAVA_OPTS_APPEND",
                        "-XX:TieredStopAtLevel=1 " + String.join(" ", keycloakClasses.jvmOptions())));
        Health.await("Keycloak", REALM_URL + "/.well-known/openid-configuration", Duration.ofMinutes(4), keycloak);
        if (importRealm) {
            Files.write(imported, realm);
        }
        return null;
    }

    /**
     * Starts an instance of a service on a port, waiting until it is ready; another port than its own gives a second
     * replica against the same database and broker. Extra environment variables override its settings. Returns its
     * process, whose id the fault control reports so that benchmarks can read its memory.
     */
    Process startService(String name, int port, Map<String, String> overrides) throws Exception {
        if (!SERVICES.containsKey(name)) {
            throw new IllegalArgumentException("No service named " + name);
        }
        Path jar = root.resolve(name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaServers);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcUrl);
        String database = switch (name) {
            case "intake-service" -> "intake";
            case "treatment-plan-service" -> "treatment_plan";
            case "scheduling-service" -> "scheduling";
            case "aftercare-service" -> "aftercare";
            case "worklist-service" -> "worklist";
            default -> null;
        };
        if (name.equals("intake-service")) {
            // The realm's two demo EHR clients (secret and signed assertion) are one EHR, with one record numbering.
            env.put("INTAKE_EHR_IDENTIFIER_SYSTEMS", "ehr-demo=urn:ehr:demo:mrn,ehr-jwt-demo=urn:ehr:demo:mrn");
            // A local run's subscriptions notify receivers on this machine (plain http, loopback), as the system
            // tests' do; production takes https endpoints on public addresses only.
            env.put("INTAKE_SUBSCRIPTIONS_ALLOW_LOCAL_ENDPOINTS", "true");
            env.put("INTAKE_SUBSCRIPTIONS_FHIR_BASE", "http://localhost:" + SERVICES.get("gateway") + "/fhir/r4");
        }
        // The worklist's pages and intake's reminders to patients go to the local mail server.
        if ((name.equals("worklist-service") || name.equals("intake-service")) && mailbox != null) {
            env.put("QUARKUS_MAILER_HOST", "localhost");
            env.put("QUARKUS_MAILER_PORT", String.valueOf(Ports.SMTP));
        }
        if (database != null) {
            String host = external("CAIRN_POSTGRES_HOST") != null ? external("CAIRN_POSTGRES_HOST")
                    : "localhost:" + Ports.POSTGRES;
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + host + "/" + database);
        } else {
            SERVICES.forEach((service, servicePort) -> {
                if (!service.equals("gateway")) {
                    env.put("GATEWAY_BACKENDS_" + service.replace("-service", "").replace('-', '_')
                            .toUpperCase(), "http://localhost:" + servicePort);
                }
            });
            env.put("GATEWAY_CORS_ORIGINS", "http://localhost:" + Ports.GATEWAY);
        }
        env.putAll(overrides);
        String instance = name + "@" + port;
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        if (database != null) {
            options.addAll(SERVICE_JVM_OPTIONS);
        }
        // glibc gives each thread that allocates an arena of its own; two are plenty and keep memory from fraying.
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        boolean own = port == SERVICES.get(name);
        ClassDataArchive classes = appClasses.computeIfAbsent(name,
                app -> ClassDataArchive.ofApp(jar.getParent(), javaBinary()));
        if (own) {
            options.addAll(classes.jvmOptions());
        } else {
            options.addAll(classes.mapOnly());
        }
        Process process = spawn(own ? name : name + "-" + port, appProcess(javaBinary(), jar.getParent(), options),
                env);
        synchronized (instances) {
            instances.put(instance, process);
        }
        Health.await(name, "http://localhost:" + port + "/q/health/ready", Duration.ofMinutes(2), process);
        if (own) {
            classes.writeOnceReady();
        }
        return process;
    }

    /** Waits until every app's class-data archive being written is written: a stop would abandon them. */
    void awaitArchives() throws Exception {
        for (ClassDataArchive classes : appClasses.values()) {
            classes.awaitWritten();
        }
    }

    /** Stops one service instance as Kubernetes would (SIGTERM, then a kill after the grace period). */
    void stopService(String name, int port) throws InterruptedException {
        Process process;
        synchronized (instances) {
            process = instances.remove(name + "@" + port);
        }
        if (process == null) {
            throw new IllegalArgumentException("No instance of " + name + " runs on port " + port);
        }
        process.destroy();
        if (!process.waitFor(APP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        synchronized (processes) {
            processes.remove(process);
        }
    }

    /** A Quarkus app's process, run in its {@code quarkus-app} directory. */
    static ProcessBuilder appProcess(String java, Path app, List<String> options) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString()));
        return new ProcessBuilder(command).directory(app.toFile());
    }

    private Process spawn(String name, List<String> command, Map<String, String> env) throws IOException {
        return spawn(name, new ProcessBuilder(command), env);
    }

    /** Starts a process that logs to a file of its own. */
    private Process spawn(String name, ProcessBuilder builder, Map<String, String> env) throws IOException {
        builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("logs/" + name + ".log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    private void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private void printWelcome(String oidc) {
        String token = "curl -s -d grant_type=password -d client_id=cairn-cli -d username=clinician -d password=clinician "
                + oidc + "/protocol/openid-connect/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'";
        Progress.say("""

                Cairn is running.

                  Gateway     http://localhost:%d/api/v1 (FHIR R4: /fhir/r4)
                  Swagger UI  http://localhost:%d/q/swagger-ui
                  Keycloak    http://localhost:%d (admin / admin)

                Demo accounts (user / password): coordinator, clinician, scheduler, case-manager, director, patient
                (each password is the user name). EHR clients: ehr-demo / ehr-demo-secret (client credentials);
                ehr-jwt-demo (client credentials with a client assertion signed by the key in
                system-tests/src/test/resources/ehr-jwt-demo.p12, as SMART Backend Services do).

                Get a token and call the API:
                  TOKEN=$(%s)
                  curl -H "Authorization: Bearer $TOKEN" http://localhost:%d/api/v1/screeners

                %s
                Logs are in .local-stack/logs. Ctrl-C stops everything.
                """.formatted(Ports.GATEWAY, Ports.GATEWAY, Ports.KEYCLOAK, token, Ports.GATEWAY, mailbox == null
                ? "Pages about urgent tasks and patients' reminders go through the mail relay QUARKUS_MAILER_HOST names.\n"
                : """
                        Pages about urgent tasks go to %s: read them over IMAP at localhost:%d
                        (user %s, password %s), e.g. with Thunderbird or curl "imap://localhost:%d/INBOX;UID=1" -u %s:%s.
                        Patients' session reminders go to each patient's own address there (user and password: the
                        address, e.g. dana.reyes@example.org).
                        """.formatted(Mailbox.ON_CALL, Ports.IMAP, Mailbox.USER, Mailbox.PASSWORD, Ports.IMAP,
                        Mailbox.USER, Mailbox.PASSWORD)));
    }

    /** Stops services first, then Keycloak, Kafka and PostgreSQL; children of each process (kc.sh forks) too. */
    private void stop() {
        List<Process> apps;
        synchronized (instances) {
            apps = new ArrayList<>(instances.values());
        }
        // The apps first, while the database and broker they let go of are still there.
        appClasses.values().forEach(ClassDataArchive::abandon);
        stopAll(apps, APP_GRACE);
        List<Process> others;
        synchronized (processes) {
            others = new ArrayList<>(processes);
        }
        others.removeAll(apps);
        java.util.Collections.reverse(others);
        stopAll(others, Duration.ofSeconds(20));
        if (keycloakClasses != null) {
            keycloakClasses.keepIfReadable();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mailbox != null) {
            mailbox.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    /** Each process with its descendants: kc.sh may end before the JVM it forked, which still writes its archive. */
    private static void stopAll(List<Process> stopping, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process process : stopping) {
            process.descendants().forEach(all::add);
            all.add(process.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void wipe() throws IOException {
        Path keep = data.resolve("downloads");
        if (!Files.exists(data)) {
            return;
        }
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.startsWith(keep) && !p.equals(data))
                    .forEach(p -> p.toFile().delete());
        }
        Progress.say("Wiped " + data + " (downloads kept)");
    }

    private static String external(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? null : value;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
