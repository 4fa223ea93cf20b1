package dev.fengyun.support;

import dev.fengyun.FengyunApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the application in this JVM, on its own port, sharing the test database with
 * the instance that {@link IntegrationTest} starts: two instances behind one load balancer.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondInstance start(Map<String, String> extraSettings) {
        List<String> properties = new ArrayList<>();
        properties.add("--server.port=0");
        properties.add("--FENGYUN_DB_URL=" + TestDatabase.jdbcUrl());
        properties.add("--FENGYUN_DB_USER=" + TestDatabase.user());
        properties.add("--FENGYUN_MASTER_KEY=" + TestDatabase.MASTER_KEY);
        properties.add("--FENGYUN_ADMIN_EMAIL=" + IntegrationTest.ADMIN_EMAIL);
        properties.add("--FENGYUN_ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD);
        properties.add("--FENGYUN_PAYMENT_DEMO=true");
        if (!extraSettings.containsKey("FENGYUN_RATE_LIMITS")) {
            properties.add("--FENGYUN_RATE_LIMITS=off"); // as in IntegrationTest
        }
        extraSettings.forEach((name, value) -> properties.add("--" + name + "=" + value));
        // Command-line arguments outrank application.properties, as environment variables do.
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(FengyunApplication.class)
                        .run(properties.toArray(String[]::new));
        return new SecondInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Api api() {
        return new Api(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
