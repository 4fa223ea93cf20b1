package dev.fengyun;

import dev.fengyun.platform.InvalidSetting;
import dev.fengyun.platform.MigrationJob;
import dev.fengyun.platform.Settings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Fengyun Ticketing: one deployable made of the modules under {@code dev.fengyun}. */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class FengyunApplication {

    public static void main(String[] args) {
        Settings settings = new Settings(new StandardEnvironment());
        String mode;
        try {
            mode = settings.choice("FENGYUN_MODE", "serve", "serve", "migrate");
            if (mode.equals("migrate")) {
                MigrationJob.run(settings);
                System.exit(0);
            }
        } catch (InvalidSetting e) {
            System.err.println("fengyun: " + e.getMessage());
            System.exit(2);
        }
        exitCleanlyOnSigterm();
        SpringApplication.run(FengyunApplication.class, args);
    }

    /**
     * Kubernetes and Podman stop a container with SIGTERM. The shutdown hooks still run (Spring
     * drains requests gracefully), but the process then reports success instead of the JVM's
     * default 143, so an orderly stop is not mistaken for a crash.
     */
    private static void exitCleanlyOnSigterm() {
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(0));
    }
}
