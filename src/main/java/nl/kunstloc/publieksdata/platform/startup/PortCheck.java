package nl.kunstloc.publieksdata.platform.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Run before the portal starts by the run command ({@code mvn -Prun package}): a taken HTTP port makes
 * Payara Micro log "Failed to start, exiting" and then hang instead of exiting, so the ports are
 * checked first. Prints one line naming the taken port and the fix, and exits with status
 * {@value StartupFailure#EXIT_STATUS}. Arguments: {@code <what>=<port>} pairs, e.g. {@code http=8080 smtp=3025}.
 */
public final class PortCheck {

    private PortCheck() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            int port = Integer.parseInt(pair[1]);
            if (taken(port)) {
                System.err.println("START FAILED: port " + port + " (" + pair[0] + ") is taken -- stop the program that uses it "
                        + "(another portal?) or choose another: mvn -Prun package -Dportal.port=<port> for http, "
                        + "-Ddemo.mail.port=<port> / -Ddemo.mail.imap=<port> for the demo mail server");
                System.exit(StartupFailure.EXIT_STATUS);
            }
        }
    }

    static boolean taken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
