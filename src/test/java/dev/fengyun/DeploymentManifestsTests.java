package dev.fengyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart (rendered by Helm itself) and the plain manifests under {@code deploy/k8s} carry
 * what running Fengyun on Kubernetes without downtime depends on: probes on the right health
 * groups, the restricted security context with a read-only root filesystem, a preStop delay and a
 * grace period longer than it plus the application's shutdown phase, a rollout that never drops
 * capacity, the migration as a separate job in migrate-only mode, and the master key from a Secret.
 */
class DeploymentManifestsTests {

    private static final Path CHART = Path.of("deploy/helm/fengyun");
    private static final Path PLAIN = Path.of("deploy/k8s");

    @TempDir static Path copies;

    @Test
    void theRenderedChartHasTheEssentials() {
        List<Map<String, Object>> objects = render(template());
        assertEssentials(objects, true);
        assertThat(kinds(objects)).doesNotContain("Ingress"); // unless ingress.enabled
    }

    @Test
    void thePlainManifestsHaveTheEssentials() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(PLAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                objects.addAll(render(Files.readString(file)));
            }
        }
        assertEssentials(objects, false);
        assertThat(kinds(objects)).contains("Ingress");
    }

    @Test
    void theChartRefusesToRenderWithoutADatabaseOrAMasterKey() {
        assertThatThrownBy(() -> chart().withName("fengyun").set("masterKey", "x").call())
                .hasMessageContaining("database.url is required");
        assertThatThrownBy(
                        () ->
                                chart().withName("fengyun")
                                        .set("database.url", "jdbc:postgresql://db/fengyun")
                                        .call())
                .hasMessageContaining("masterKey is required");
    }

    @Test
    void anIngressAndASecretOfYourOwnAreOptions() {
        List<Map<String, Object>> objects =
                render(
                        chart().withName("tickets")
                                .set("database.url", "jdbc:postgresql://db:5432/fengyun")
                                .set("existingSecret", "fengyun-sealed")
                                .set("ingress.enabled", true)
                                .set("ingress.hosts[0].host", "tickets.example.com")
                                .set("ingress.hosts[0].paths[0].path", "/")
                                .call());
        Map<String, Object> ingress = only(objects, "Ingress");
        assertThat(value(ingress, "spec.rules.0.host")).isEqualTo("tickets.example.com");
        assertThat(value(ingress, "spec.rules.0.http.paths.0.backend.service.name"))
                .isEqualTo(value(only(objects, "Service"), "metadata.name"));
        // No Secret of the chart's own: the pods and the migration read the one given.
        assertThat(kinds(objects)).doesNotContain("Secret");
        Map<String, Object> pod = map(only(objects, "Deployment"), "spec.template.spec");
        assertThat(value(pod, "containers.0.envFrom").toString()).contains("fengyun-sealed");
        assertThat(value(only(objects, "Job"), "spec.template.spec.containers.0.env").toString())
                .contains("fengyun-sealed");
    }

    @Test
    void everySettingTheManifestsNameIsDocumented() throws IOException {
        String documented = Files.readString(Path.of("docs/configuration.md"));
        Set<String> named = new TreeSet<>();
        Pattern setting = Pattern.compile("FENGYUN_[A-Z_]+");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> chart = Files.walk(CHART);
                Stream<Path> plain = Files.list(PLAIN)) {
            Stream.concat(chart, plain)
                    .filter(f -> f.toString().matches(".*\\.(yaml|tpl)"))
                    .forEach(files::add);
        }
        for (Path file : files) {
            Matcher matcher = setting.matcher(Files.readString(file));
            while (matcher.find()) {
                named.add(matcher.group());
            }
        }
        assertThat(named).contains("FENGYUN_MASTER_KEY", "FENGYUN_MODE", "FENGYUN_DB_URL");
        assertThat(named).allSatisfy(name -> assertThat(documented).contains("`" + name + "`"));
    }

    // --- what every form of the deployment must carry ------------------------------------------

    private static void assertEssentials(List<Map<String, Object>> objects, boolean helm) {
        Map<String, Object> deployment = only(objects, "Deployment");
        Map<String, Object> pod = map(deployment, "spec.template.spec");
        Map<String, Object> container = map(pod, "containers.0");

        assertRestricted(pod);
        assertThat(value(container, "ports.0.containerPort")).isEqualTo(8080);
        assertThat(value(container, "startupProbe.httpGet.path"))
                .isEqualTo("/actuator/health/liveness");
        assertThat(value(container, "livenessProbe.httpGet.path"))
                .isEqualTo("/actuator/health/liveness");
        assertThat(value(container, "readinessProbe.httpGet.path"))
                .isEqualTo("/actuator/health/readiness");
        assertThat(map(container, "resources.requests")).containsKeys("cpu", "memory");
        assertThat(map(container, "resources.limits")).containsKey("memory");

        // SIGTERM comes after the preStop delay; the grace period must cover both it and the
        // application's own shutdown phase, or Kubernetes kills requests in flight.
        int preStop = (Integer) value(container, "lifecycle.preStop.sleep.seconds");
        int grace = (Integer) value(pod, "terminationGracePeriodSeconds");
        assertThat(preStop).isGreaterThanOrEqualTo(5);
        assertThat(grace).isGreaterThan(preStop + (int) shutdownPhase().toSeconds());

        // Capacity never drops during a rollout.
        assertThat(value(deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);

        // Settings: the master key from a Secret; instances never migrate, the job does.
        Map<String, Object> secret = only(objects, "Secret");
        assertThat(map(secret, "stringData"))
                .containsKeys("FENGYUN_MASTER_KEY", "FENGYUN_DB_PASSWORD");
        assertThat(value(container, "envFrom").toString())
                .contains("secretRef={name=" + value(secret, "metadata.name") + "}");
        assertThat(map(only(objects, "ConfigMap"), "data"))
                .containsEntry("FENGYUN_DB_MIGRATE", "false");

        Map<String, Object> job = only(objects, "Job");
        Map<String, Object> jobPod = map(job, "spec.template.spec");
        assertRestricted(jobPod);
        assertThat(list(jobPod, "containers.0.env"))
                .contains(Map.of("name", "FENGYUN_MODE", "value", "migrate"));
        assertThat(value(jobPod, "restartPolicy")).isEqualTo("Never");
        if (helm) {
            assertThat((String) value(job, "metadata.annotations.helm-hook"))
                    .contains("pre-install", "pre-upgrade");
        }

        // The Service, autoscaler, disruption budget and account point at this Deployment's pods.
        Map<String, Object> labels = map(deployment, "spec.template.metadata.labels");
        assertThat(labels).containsAllEntriesOf(map(only(objects, "Service"), "spec.selector"));
        assertThat(value(only(objects, "Service"), "spec.ports.0.targetPort")).isEqualTo("http");
        assertThat(value(container, "ports.0.name")).isEqualTo("http");
        assertThat(labels)
                .containsAllEntriesOf(
                        map(only(objects, "PodDisruptionBudget"), "spec.selector.matchLabels"));
        assertThat(
                        (Object)
                                value(
                                        only(objects, "HorizontalPodAutoscaler"),
                                        "spec.scaleTargetRef.name"))
                .isEqualTo(value(deployment, "metadata.name"));
        assertThat(value(only(objects, "HorizontalPodAutoscaler"), "spec.minReplicas"))
                .isEqualTo(2);
        assertThat(value(pod, "serviceAccountName"))
                .isEqualTo(value(only(objects, "ServiceAccount"), "metadata.name"));
    }

    /** The restricted Pod Security Standard, with /tmp as the only writable place. */
    private static void assertRestricted(Map<String, Object> pod) {
        assertThat(value(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(value(pod, "securityContext.runAsUser")).isEqualTo(10001);
        assertThat(value(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
        assertThat(value(pod, "automountServiceAccountToken")).isEqualTo(false);
        Map<String, Object> container = map(pod, "containers.0");
        assertThat(value(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(value(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(list(container, "securityContext.capabilities.drop")).containsExactly("ALL");
        assertThat(list(container, "volumeMounts"))
                .contains(Map.of("name", "tmp", "mountPath", "/tmp"));
        assertThat(value(pod, "volumes").toString()).contains("name=tmp", "emptyDir");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static String template() {
        return chart().withName("fengyun").withValuesFile(requiredValues()).call();
    }

    /**
     * Helm's own template rendering, for a cluster of the oldest version the chart supports. Helm's
     * library leaves hooks out of what it renders, so this renders a copy of the chart in which the
     * hook annotations are renamed to {@code helm-hook}: the migration job then comes out like any
     * other object, with its hook phases still visible.
     */
    private static TemplateCommand chart() {
        try {
            Path copy = Files.createTempDirectory(copies, "chart");
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(CHART.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(
                                target,
                                Files.readString(file)
                                        .replace("helm.sh/hook:", "helm-hook:")
                                        .replace("helm.sh/hook-", "helm-hook-"));
                    }
                }
            }
            return new Helm(copy).template().withKubeVersion("v1.30.0");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path requiredValues() {
        try {
            Path values = Files.createTempFile(copies, "values", ".yaml");
            Files.writeString(
                    values,
                    """
                    database:
                      url: jdbc:postgresql://postgres:5432/fengyun
                      password: secret
                    masterKey: MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=
                    """);
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> render(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document instanceof Map<?, ?> object) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) object;
                objects.add(typed);
            }
        }
        return objects;
    }

    private static List<String> kinds(List<Map<String, Object>> objects) {
        return objects.stream().map(o -> (String) o.get("kind")).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found =
                objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertThat(found).as("objects of kind %s", kind).isNotEmpty();
        if (kind.equals("Secret")) {
            // the chart's own, not the migration hook's
            return found.stream()
                    .filter(o -> !value(o, "metadata.name").toString().endsWith("-migration"))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(found).as("objects of kind %s", kind).hasSize(1);
        return found.get(0);
    }

    /** A value by dotted path ({@code spec.template.spec.containers.0.env}). */
    @SuppressWarnings("unchecked")
    private static Object value(Object root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            current =
                    current instanceof List<?> list
                            ? list.get(Integer.parseInt(key))
                            : ((Map<String, Object>) current).get(key);
            assertThat(current)
                    .as("%s in %s", path, root instanceof Map<?, ?> m ? m.get("kind") : "")
                    .isNotNull();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object root, String path) {
        return (Map<String, Object>) value(root, path);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object root, String path) {
        return (List<Object>) value(root, path);
    }

    private static Duration shutdownPhase() {
        Properties properties = new Properties();
        try (InputStream in =
                Objects.requireNonNull(
                        DeploymentManifestsTests.class.getResourceAsStream(
                                "/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String phase = properties.getProperty("spring.lifecycle.timeout-per-shutdown-phase");
        return Duration.ofSeconds(Long.parseLong(phase.replace("s", "")));
    }
}
