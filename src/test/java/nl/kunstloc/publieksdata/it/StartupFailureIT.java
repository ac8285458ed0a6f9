package nl.kunstloc.publieksdata.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A start that fails says so and ends (issue 15): the packaged portal, started as the run command and the
 * Docker image start it, with a port it needs taken, exits with a non-zero status and one line naming the
 * cause and the fix — instead of printing "ready" and answering 404 on every page. (An unreachable database
 * is caught by DatabaseReachability, which EclipseLink calls just before Payara's JPA deployer connects.)
 */
class StartupFailureIT {

    static final int PORT = Integer.getInteger("it.startup.port", 18980);
    static final int SMTP = Integer.getInteger("it.startup.mail.smtp", PORT + 2);
    static final int IMAP = Integer.getInteger("it.startup.mail.imap", PORT + 3);
    /** A loopback port where no database listens. */
    static final int NO_DATABASE = Integer.getInteger("it.startup.no-database.port", 15433);

    @Test
    void aTakenMailPortEndsTheStartWithTheCauseAndTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(SMTP, 1, InetAddress.getLoopbackAddress())) {
            Result r = start("mail", List.of(), SMTP, IMAP);
            assertThat(r.exitStatus()).as("exit status").isEqualTo(3);
            assertThat(r.failureLines()).as("START FAILED lines").hasSize(1);
            assertThat(r.failureLines().get(0)).contains("demo mail server cannot listen on 127.0.0.1:" + SMTP,
                    "-Dpublieksdata.mail.port=");
        }
    }

    @Test
    void anUnreachableDatabaseEndsTheStartWithTheCauseAndTheFix() throws Exception {
        try (ServerSocket probe = new ServerSocket(NO_DATABASE, 1, InetAddress.getLoopbackAddress())) {
            // free now: nothing listens there once the probe is closed
        }
        Result r = start("database", List.of("-Dpublieksdata.db.driver-class=org.postgresql.ds.PGSimpleDataSource",
                "-Dpublieksdata.db.url=jdbc:postgresql://127.0.0.1:" + NO_DATABASE + "/publieksdata",
                "-Dpublieksdata.db.user=postgres", "-Dpublieksdata.db.password="), SMTP, IMAP);
        assertThat(r.exitStatus()).as("exit status").isEqualTo(3);
        assertThat(r.failureLines()).as("START FAILED lines").hasSize(1);
        assertThat(r.failureLines().get(0)).contains("the database cannot be reached", "127.0.0.1:" + NO_DATABASE,
                "PUBLIEKSDATA_DB_URL");
    }

    record Result(int exitStatus, List<String> failureLines) {
    }

    private static Result start(String name, List<String> properties, int smtp, int imap) throws Exception {
        Path work = Path.of("target", "it-startup-" + name).toAbsolutePath();
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Dpublieksdata.demo=true",
                "-Dpublieksdata.mail.port=" + smtp, "-Dpublieksdata.mail.imap-port=" + imap,
                "-Dpublieksdata.delivery.upload-dir=" + work.resolve("uploads"),
                "-Dpublieksdata.db.url=jdbc:h2:file:" + work.resolve("h2-" + System.currentTimeMillis()) + ";AUTO_SERVER=TRUE"));
        command.addAll(properties); // a later -D of the same name wins
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("portal.war", "target/ROOT.war"), "--port", String.valueOf(PORT), "--nocluster",
                "--prebootcommandfile", "src/main/payara/pre-boot-commands.asadmin",
                "--rootdir", work.resolve("payara-" + System.currentTimeMillis()).toString()));
        File log = work.resolve("portal.log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        try {
            assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("the portal ends by itself; see " + log).isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log.toPath(), StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.contains("START FAILED: ")).map(l -> l.substring(l.indexOf("START FAILED: "))).toList();
        return new Result(process.exitValue(), lines);
    }
}
