package io.rtmtoken.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Checks the Kubernetes manifests under deploy/kubernetes for the properties the service relies on. */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Path.of("deploy", "kubernetes");
    private static final int MANAGEMENT_PORT = 8081;
    private static final int SHUTDOWN_PHASE_SECONDS = 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z0-9-]+>");
    private static final Pattern HEX_CREDENTIAL = Pattern.compile("(?i)\\b[0-9a-f]{32}\\b");

    @Test
    void kustomizationWhenParsedThenListsOnlyExistingFiles() throws IOException {
        List<String> resources = strings(kustomization().get("resources"));

        assertThat(resources).contains("deployment.yaml", "service.yaml", "hpa.yaml", "pdb.yaml");
        assertThat(resources).allSatisfy(resource -> assertThat(MANIFESTS.resolve(resource)).isRegularFile());
    }

    @Test
    void kustomizationWhenParsedThenShipsNoSecret() throws IOException {
        List<String> resources = strings(kustomization().get("resources"));

        assertThat(resources).doesNotContain("secret.example.yaml");
        for (String resource : resources) {
            assertThat(load(resource)).extracting(document -> document.get("kind")).doesNotContain("Secret");
        }
    }

    @Test
    void deploymentWhenParsedThenRunsAtLeastTwoReplicas() throws IOException {
        assertThat((Integer) deployment().get("spec", "replicas")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void deploymentWhenParsedThenProbesUseManagementPort() throws IOException {
        Node container = container();
        int managementPort = managementContainerPort(container);

        assertThat(managementPort).isEqualTo(MANAGEMENT_PORT);
        assertProbe(container, "livenessProbe", "/actuator/health/liveness");
        assertProbe(container, "readinessProbe", "/actuator/health/readiness");
        assertProbe(container, "startupProbe", "/actuator/health/liveness");
    }

    @Test
    void deploymentWhenParsedThenHasResourceRequestsAndLimits() throws IOException {
        Node resources = container().node("resources");

        assertThat(resources.get("requests", "cpu")).isNotNull();
        assertThat(resources.get("requests", "memory")).isNotNull();
        assertThat(resources.get("limits", "cpu")).isNotNull();
        assertThat(resources.get("limits", "memory")).isNotNull();
    }

    @Test
    void deploymentWhenParsedThenRunsAsNonRoot() throws IOException {
        Node pod = deployment().node("spec", "template", "spec");
        Node container = container();

        assertThat(pod.get("securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(container.get("securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) container.get("securityContext", "runAsUser")).isPositive();
        assertThat(pod.get("securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
    }

    @Test
    void deploymentWhenParsedThenHasReadOnlyRootAndWritableTmp() throws IOException {
        Node pod = deployment().node("spec", "template", "spec");
        Node container = container();

        assertThat(container.get("securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        Map<String, Object> tmpMount = container.list("volumeMounts").stream()
                .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at /tmp"));
        assertThat(pod.list("volumes"))
                .anySatisfy(volume -> {
                    assertThat(volume.get("name")).isEqualTo(tmpMount.get("name"));
                    assertThat(volume).containsKey("emptyDir");
                });
    }

    @Test
    void deploymentWhenParsedThenForbidsPrivilegeEscalation() throws IOException {
        Node securityContext = container().node("securityContext");

        assertThat(securityContext.get("allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(strings(securityContext.get("capabilities", "drop"))).containsExactly("ALL");
    }

    @Test
    void deploymentWhenParsedThenDrainsBeforeShutdown() throws IOException {
        Node pod = deployment().node("spec", "template", "spec");
        Integer preStopSeconds = (Integer) container().get("lifecycle", "preStop", "sleep", "seconds");

        assertThat(preStopSeconds).isPositive();
        assertThat((Integer) pod.get("terminationGracePeriodSeconds"))
                .isGreaterThan(preStopSeconds + SHUTDOWN_PHASE_SECONDS);
    }

    @Test
    void deploymentWhenParsedThenTakesCredentialsFromSecret() throws IOException {
        List<Map<String, Object>> envFrom = container().list("envFrom");

        assertThat(envFrom).anySatisfy(source -> assertThat(source).containsKey("secretRef"));
        assertThat(container().list("env")).noneSatisfy(
                variable -> assertThat((String) variable.get("name")).startsWith("AGORA_"));
    }

    @Test
    void deploymentWhenParsedThenAuthenticatesCallers() throws IOException {
        assertThat(container().list("env")).anySatisfy(variable -> {
            assertThat(variable.get("name")).isEqualTo("RTM_TOKEN_AUTH_MODE");
            assertThat(variable.get("value")).isIn("api-key", "jwt");
        });
    }

    @Test
    void serviceWhenParsedThenSelectsDeploymentPods() throws IOException {
        Node service = single("service.yaml", "Service");
        Map<String, Object> podLabels = mapOf(deployment().get("spec", "template", "metadata", "labels"));

        assertThat(podLabels).containsAllEntriesOf(mapOf(service.get("spec", "selector")));
    }

    @Test
    void hpaWhenParsedThenScalesOnCpuFromTwoReplicas() throws IOException {
        Node hpa = single("hpa.yaml", "HorizontalPodAutoscaler");

        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat((Integer) hpa.get("spec", "minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat(hpa.list("spec", "metrics"))
                .anySatisfy(metric -> assertThat(new Node(metric).get("resource", "name")).isEqualTo("cpu"));
    }

    @Test
    void pdbWhenParsedThenKeepsOneReplicaAvailable() throws IOException {
        assertThat(single("pdb.yaml", "PodDisruptionBudget").get("spec", "minAvailable")).isEqualTo(1);
    }

    @Test
    void secretExampleWhenParsedThenHoldsPlaceholdersOnly() throws IOException {
        Node secret = single("secret.example.yaml", "Secret");
        Map<String, Object> values = mapOf(secret.get("stringData"));

        assertThat(secret.get("data")).isNull();
        assertThat(values).containsKeys("AGORA_APP_ID", "AGORA_APP_CERTIFICATE");
        assertThat(values.values()).allSatisfy(value -> assertThat((String) value).matches(PLACEHOLDER));
    }

    @Test
    void manifestsWhenReadThenContainNoCredentialLikeValue() throws IOException {
        try (var files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern(HEX_CREDENTIAL);
            }
        }
    }

    private static void assertProbe(Node container, String probeName, String path) {
        Node probe = container.node(probeName);
        Object port = probe.get("httpGet", "port");

        assertThat(probe.get("httpGet", "path")).as(probeName).isEqualTo(path);
        assertThat(port.equals(MANAGEMENT_PORT) || port.equals(portName(container, MANAGEMENT_PORT)))
                .as(probeName + " port " + port)
                .isTrue();
    }

    private static int managementContainerPort(Node container) {
        return container.list("ports").stream()
                .filter(port -> "management".equals(port.get("name")))
                .map(port -> (Integer) port.get("containerPort"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named management"));
    }

    private static String portName(Node container, int portNumber) {
        return container.list("ports").stream()
                .filter(port -> Integer.valueOf(portNumber).equals(port.get("containerPort")))
                .map(port -> (String) port.get("name"))
                .findFirst()
                .orElse(null);
    }

    private static Node kustomization() throws IOException {
        return single("kustomization.yaml", "Kustomization");
    }

    private static Node deployment() throws IOException {
        return single("deployment.yaml", "Deployment");
    }

    private static Node container() throws IOException {
        List<Map<String, Object>> containers = deployment().list("spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return new Node(containers.get(0));
    }

    private static Node single(String fileName, String kind) throws IOException {
        List<Map<String, Object>> documents = load(fileName);
        assertThat(documents).as(fileName).hasSize(1);
        assertThat(documents.get(0).get("kind")).as(fileName).isEqualTo(kind);
        return new Node(documents.get(0));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(String fileName) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(MANIFESTS.resolve(fileName))) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** A parsed YAML mapping with path navigation; a missing step yields null. */
    private record Node(Map<String, Object> map) {

        Object get(String... path) {
            Object current = map;
            for (String step : path) {
                if (!(current instanceof Map<?, ?> mapping)) {
                    return null;
                }
                current = mapping.get(step);
            }
            return current;
        }

        @SuppressWarnings("unchecked")
        Node node(String... path) {
            Object value = get(path);
            assertThat(value).as(String.join(".", path)).isInstanceOf(Map.class);
            return new Node((Map<String, Object>) value);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String... path) {
            Object value = get(path);
            assertThat(value).as(String.join(".", path)).isInstanceOf(List.class);
            return (List<Map<String, Object>>) value;
        }
    }
}
