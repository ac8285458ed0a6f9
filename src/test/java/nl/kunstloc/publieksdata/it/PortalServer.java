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

/**
 * The portal as the integration tests see it: the built ROOT.war on Payara Micro, started once
 * per test run (all *IT classes share it), in demo mode, on PostgreSQL at 127.0.0.1:5432 when it
 * answers (a fresh database per run) and on an H2 file database otherwise. Prints which.
 */
public final class PortalServer {

    /** The demo mail server inside the portal: tests read mail over IMAP (user and password: the address). */
    public static final int MAIL_SMTP_PORT = Integer.getInteger("it.mail.smtp", 13025);
    public static final int MAIL_IMAP_PORT = Integer.getInteger("it.mail.imap", 13143);

    private static PortalServer instance;

    private final Process process;
    private final String baseUrl;
    private final String database;
    private final String jdbcUrl;

    private PortalServer(Process process, String baseUrl, String database, String jdbcUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
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

    public String url(String path) {
        return baseUrl + path;
    }

    public String baseUrl() {
        return baseUrl;
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

    private static PortalServer start() {
        String war = System.getProperty("portal.war", "target/ROOT.war");
        String microJar = System.getProperty("payara.microJar", "target/payara-micro.jar");
        int port = Integer.parseInt(System.getProperty("portal.port", "18080"));
        if (listening(port)) {
            throw new IllegalStateException("Port " + port + " is already in use (a portal left over from another run?); "
                    + "stop it or choose another with -Dit.portal.port=...");
        }
        Path work = Path.of("target", "it-portal");
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
                "-Dpublieksdata.mail.port=" + MAIL_SMTP_PORT, "-Dpublieksdata.mail.imap-port=" + MAIL_IMAP_PORT));
        String database;
        String jdbcUrl;
        if (postgresAnswers()) {
            String name = "publieksdata_it_" + System.currentTimeMillis();
            createPostgresDatabase(name);
            jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + name;
            command.add("-Dpublieksdata.db.driver-class=org.postgresql.ds.PGSimpleDataSource");
            command.add("-Dpublieksdata.db.url=" + jdbcUrl);
            command.add("-Dpublieksdata.db.user=postgres");
            command.add("-Dpublieksdata.db.password=");
            database = "PostgreSQL";
        } else {
            Path h2 = work.resolve("h2-" + System.currentTimeMillis()).toAbsolutePath();
            jdbcUrl = "jdbc:h2:file:" + h2 + ";AUTO_SERVER=TRUE";
            command.add("-Dpublieksdata.db.url=" + jdbcUrl);
            database = "H2";
        }
        command.addAll(List.of("-jar", microJar, "--deploy", war, "--port", String.valueOf(port), "--nocluster",
                "--rootdir", work.resolve("payara-" + System.currentTimeMillis()).toAbsolutePath().toString()));
        System.out.println("[PortalServer] starting the portal on port " + port + " with " + database
                + " (" + jdbcUrl + ")");
        File log = work.resolve("portal.log").toFile();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log).start();
            String baseUrl = "http://localhost:" + port;
            waitUntilReady(process, baseUrl, log);
            return new PortalServer(process, baseUrl, database, jdbcUrl);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Payara Micro", e);
        }
    }

    private static void waitUntilReady(Process process, String baseUrl, File log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal stopped while starting; see " + log);
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

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
