package nl.kunstloc.publieksdata.it;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The portal as the integration tests see it: the built ROOT.war on Payara Micro, started once
 * per test run (all *IT classes share it), in demo mode, on PostgreSQL at 127.0.0.1:5432 when it
 * answers (a fresh database per run) and on an H2 file database otherwise. Prints which.
 * A test that has to kill and restart a portal starts one of its own ({@link #startOwn}).
 */
public final class PortalServer {

    /** The demo mail server inside the portal: tests read mail over IMAP (user and password: the address). */
    public static final int MAIL_SMTP_PORT = Integer.getInteger("it.mail.smtp", 13025);
    public static final int MAIL_IMAP_PORT = Integer.getInteger("it.mail.imap", 13143);

    private static PortalServer instance;

    private final List<String> command;
    private final Path work;
    private final int port;
    private final String baseUrl;
    private final String database;
    private final String jdbcUrl;
    private Process process;
    private int starts;

    private PortalServer(List<String> command, Path work, int port, String database, String jdbcUrl) {
        this.command = new ArrayList<>(command); // startOwnOn changes the upload folder
        this.work = work;
        this.port = port;
        this.baseUrl = "http://localhost:" + port;
        this.database = database;
        this.jdbcUrl = jdbcUrl;
    }

    public static synchronized PortalServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** reader: the folder the portal holds uploaded files in (publieksdata.delivery.upload-dir). */
    public Path uploadFolder() {
        return work.resolve("uploads").toAbsolutePath();
    }

    public String url(String path) {
        return baseUrl + path;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** load: the process id of the running portal (to read its RSS), or -1 when it does not run. */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** "PostgreSQL" or "H2". */
    public String database() {
        return database;
    }

    /** The JDBC URL of the portal's database, for tests that check what was (not) stored. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Connection openDatabase() throws SQLException {
        return "PostgreSQL".equals(database) ? DriverManager.getConnection(jdbcUrl, "postgres", "")
                : DriverManager.getConnection(jdbcUrl, "sa", "sa");
    }

    /**
     * A portal of the calling test's own, beside the shared one: on its own port, mail ports and fresh
     * database (PostgreSQL or H2, chosen as for the shared one), in demo mode. Stop it with
     * {@link #kill()}; {@link #restart()} starts it again on the same database. {@code name} names
     * its folder under target/ (logs, Payara's root directories).
     */
    public static PortalServer startOwn(String name, int port, int smtpPort, int imapPort) {
        PortalServer portal = setUp(Path.of("target", "it-portal-" + name), port, smtpPort, imapPort);
        portal.launch();
        return portal;
    }

    /**
     * As {@link #startOwn}, on PostgreSQL, but the portal reaches the database through 127.0.0.1:{@code databasePort}
     * (a test's {@link TcpProxy} in front of 127.0.0.1:5432); {@link #openDatabase()} still goes to the server directly.
     */
    public static PortalServer startOwnThrough(String name, int port, int smtpPort, int imapPort, int databasePort) {
        PortalServer portal = setUp(Path.of("target", "it-portal-" + name), port, smtpPort, imapPort, null, databasePort, null, List.of(),
                List.of("--nocluster"));
        portal.launch();
        return portal;
    }

    /**
     * cluster: a node of a cluster of the calling test's own (ClusterIT). As {@link #startOwn}, and: on the database
     * of {@code sameDatabaseAs} (null: a fresh one), {@code javaOptions} after the usual ones (a later {@code -D}
     * wins: node name, a shared upload folder), {@code payaraOptions} instead of {@code --nocluster}.
     */
    public static PortalServer startNode(String name, int port, int smtpPort, int imapPort, PortalServer sameDatabaseAs,
            List<String> javaOptions, List<String> payaraOptions) {
        PortalServer portal = setUp(Path.of("target", "it-portal-" + name), port, smtpPort, imapPort, null, 5432,
                sameDatabaseAs, javaOptions, payaraOptions);
        portal.launch();
        return portal;
    }

    /**
     * A portal of the calling test's own on an existing PostgreSQL database {@code databaseName} (a restored backup;
     * not empty, so no demo data is loaded), with {@code uploads} as its held-upload folder. {@link #stop()} drops
     * that database like any other test database.
     */
    public static PortalServer startOwnOn(String name, int port, int smtpPort, int imapPort, String databaseName, Path uploads) {
        PortalServer portal = setUp(Path.of("target", "it-portal-" + name), port, smtpPort, imapPort, databaseName, 5432, null,
                List.of(), List.of("--nocluster"));
        portal.command.replaceAll(arg -> arg.startsWith("-Dpublieksdata.delivery.upload-dir=")
                ? "-Dpublieksdata.delivery.upload-dir=" + uploads.toAbsolutePath() : arg);
        portal.launch();
        return portal;
    }

    /** The name of its PostgreSQL database (the last part of the JDBC URL). */
    public String databaseName() {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    /** Kills the portal as a crash would (no shutdown hooks, no engine shutdown), and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The portal on " + baseUrl + " did not die within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the portal again on the same port and database (after {@link #kill()}), and waits until it is ready. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("The portal on " + baseUrl + " still runs; kill() it first");
        }
        launch();
    }

    private static PortalServer start() {
        PortalServer portal = setUp(Path.of("target", "it-portal"), Integer.parseInt(System.getProperty("portal.port", "18080")),
                MAIL_SMTP_PORT, MAIL_IMAP_PORT);
        portal.launch();
        return portal;
    }

    /** Chooses and creates the database, and puts the command together; launch() starts it. */
    private static PortalServer setUp(Path work, int port, int smtpPort, int imapPort) {
        return setUp(work, port, smtpPort, imapPort, null, 5432, null, List.of(), List.of("--nocluster"));
    }

    /**
     * {@code existingDatabase}: use that PostgreSQL database instead of a fresh one; {@code databasePort}: the port the
     * portal connects to; {@code sameDatabaseAs}: another portal's database (cluster nodes); {@code javaOptions} after the
     * usual ones, {@code payaraOptions} after the port.
     */
    private static PortalServer setUp(Path work, int port, int smtpPort, int imapPort, String existingDatabase, int databasePort,
            PortalServer sameDatabaseAs, List<String> javaOptions, List<String> payaraOptions) {
        if (listening(port)) {
            throw new IllegalStateException("Port " + port + " is already in use (a portal left over from another run?); "
                    + "stop it or choose another (-Dit.portal.port=..., for CrashRestartIT -Dit.restart.port=...)");
        }
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-XX:+UseSerialGC",
                "-Dpublieksdata.demo=true",
                "-Dpublieksdata.base-url=http://localhost:" + port,
                "-Dpublieksdata.login.lock-minutes=5",
                // the nightly retention check every 5 seconds, so RetentionBrowserIT runs the real timer
                "-Dpublieksdata.retention.hour=*", "-Dpublieksdata.retention.minute=*", "-Dpublieksdata.retention.second=*/5",
                "-Dpublieksdata.mail.port=" + smtpPort, "-Dpublieksdata.mail.imap-port=" + imapPort,
                // reader: this portal's own upload folder, so a test can check that refused uploads leave nothing there
                "-Dpublieksdata.delivery.upload-dir=" + work.resolve("uploads").toAbsolutePath()));
        // load: more JVM flags or settings for this portal (space-separated), e.g. the run profile's flags
        String extra = System.getProperty("portal.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        String database;
        String jdbcUrl;
        if (sameDatabaseAs != null) {
            jdbcUrl = sameDatabaseAs.jdbcUrl;
            database = sameDatabaseAs.database;
            command.add("-Dpublieksdata.db.url=" + jdbcUrl);
            if ("PostgreSQL".equals(database)) {
                command.add("-Dpublieksdata.db.driver-class=org.postgresql.ds.PGSimpleDataSource");
                command.add("-Dpublieksdata.db.user=postgres");
                command.add("-Dpublieksdata.db.password=");
            }
        } else if (existingDatabase != null || databasePort != 5432 || postgresAnswers()) {
            String name = existingDatabase;
            if (name == null) {
                name = "publieksdata_it_" + System.currentTimeMillis();
                createPostgresDatabase(name);
            }
            jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + name;
            command.add("-Dpublieksdata.db.driver-class=org.postgresql.ds.PGSimpleDataSource");
            command.add("-Dpublieksdata.db.url=jdbc:postgresql://127.0.0.1:" + databasePort + "/" + name);
            command.add("-Dpublieksdata.db.user=postgres");
            command.add("-Dpublieksdata.db.password=");
            database = "PostgreSQL";
        } else {
            Path h2 = work.resolve("h2-" + System.currentTimeMillis()).toAbsolutePath();
            jdbcUrl = "jdbc:h2:file:" + h2 + ";AUTO_SERVER=TRUE";
            command.add("-Dpublieksdata.db.url=" + jdbcUrl);
            database = "H2";
        }
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("portal.war", "target/ROOT.war"),
                "--port", String.valueOf(port)));
        command.addAll(payaraOptions);
        // a node of a cluster replicates its sessions; a single node keeps them in memory (the two pre-boot files)
        String preboot = payaraOptions.contains("--clustermode") ? "src/main/payara/pre-boot-commands-cluster.asadmin"
                : System.getProperty("portal.prebootCommands", "src/main/payara/pre-boot-commands.asadmin");
        command.addAll(List.of("--prebootcommandfile", preboot));
        return new PortalServer(command, work, port, database, jdbcUrl);
    }

    /** Starts Payara Micro (a fresh root directory each time) and waits until the portal is ready. */
    private void launch() {
        starts++;
        List<String> command = new ArrayList<>(this.command);
        command.addAll(List.of("--rootdir", work.resolve("payara-" + System.currentTimeMillis()).toAbsolutePath().toString()));
        System.out.println("[PortalServer] " + (starts == 1 ? "starting" : "restarting") + " the portal on port " + port
                + " with " + database + " (" + jdbcUrl + ")");
        // the first start logs to portal.log as before; each restart to a file of its own
        File log = work.resolve(starts == 1 ? "portal.log" : "portal-" + starts + ".log").toFile();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Payara Micro", e);
        }
        waitUntilReady(process, baseUrl, log);
    }

    private static void waitUntilReady(Process process, String baseUrl, File log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal stopped while starting; see " + log);
            }
            // Payara Micro keeps running without the application when deploying it fails: no use waiting
            if (deploymentFailed(log)) {
                process.destroyForcibly();
                throw new IllegalStateException("The portal could not deploy ROOT.war; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    System.out.printf("[PortalServer] ready after %.1f s%n", (System.nanoTime() - start) / 1e9);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The portal did not become ready within 6 minutes; see " + log);
    }

    private static boolean deploymentFailed(File log) {
        try {
            return Files.readString(log.toPath(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("Exception while loading the app");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean postgresAnswers() {
        if ("false".equals(System.getProperty("it.postgres"))) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void createPostgresDatabase(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL answers but a database cannot be created: " + e.getMessage(), e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Stops the portal (normally); for the shared one at the end of the run, for an own one in the test's
     * cleanup. Its PostgreSQL database goes too, unless {@code -Dit.keep-database=true} (to look into it
     * after a failure), so repeated runs do not fill the server.
     */
    public void stop() {
        stop(true);
    }

    /** Stops the portal and leaves its PostgreSQL database to another node on it, which drops it when it stops. */
    public void stopKeepingDatabase() {
        stop(false);
    }

    private void stop(boolean dropDatabase) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (dropDatabase && jdbcUrl.startsWith("jdbc:postgresql:") && !Boolean.getBoolean("it.keep-database")) {
            String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 java.sql.Statement drop = admin.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.out.println("[PortalServer] could not drop " + name + ": " + e.getMessage());
            }
        }
    }
}
