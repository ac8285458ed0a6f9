package nl.kunstloc.publieksdata.platform.startup;

import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A start that fails says so and ends (issue 15): without this, Payara Micro reports "ready" after the
 * application failed to deploy and answers 404 on every page. A start-up step that cannot go on (database
 * unreachable, migration failed, a port taken) calls {@link #stop}: one line naming the cause and the fix
 * goes to the log (the console of Payara Micro), and the process exits with status {@value #EXIT_STATUS} once
 * the deployment has unwound. {@code publieksdata.exit-on-start-failure=false} keeps the server running
 * (a full Payara Server with other applications on it).
 */
public final class StartupFailure {

    public static final int EXIT_STATUS = 3;
    private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

    private StartupFailure() {
    }

    /** Reports the failure and schedules the exit; returns the exception for the caller to throw. */
    public static IllegalStateException stop(String cause, String fix, Throwable e) {
        String line = "START FAILED: " + cause + " -- " + fix;
        LOG.severe(line); // Payara Micro writes its log to the console (standard error of a plain java -jar)
        if (exitEnabled()) {
            Thread exit = new Thread(() -> {
                try {
                    Thread.sleep(500); // let the deployment unwind and the log flush
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                System.exit(EXIT_STATUS);
            }, "start-failed-exit");
            exit.setDaemon(false);
            exit.start();
        }
        return new IllegalStateException(cause, e);
    }

    private static boolean exitEnabled() {
        try {
            return ConfigProvider.getConfig().getOptionalValue("publieksdata.exit-on-start-failure", Boolean.class).orElse(true);
        } catch (RuntimeException e) {
            return true;
        }
    }
}
