package dev.fengyun.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client for the running application over real HTTP. Immutable: {@link #as(String)} and
 * {@link #header(String, String)} return a copy with the extra header.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    private final String base;
    private final Map<String, String> headers;

    public Api(int port) {
        this("http://127.0.0.1:" + port, Map.of());
    }

    private Api(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public String base() {
        return base;
    }

    /** Sends {@code Authorization: Bearer token} (an API or order access token). */
    public Api as(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** The same caller (headers) talking to another instance. */
    public Api at(Api instance) {
        return new Api(instance.base, headers);
    }

    public Api header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Api(base, copy);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** Sends a body as JSON (a String is sent verbatim). */
    public Response send(String method, String path, Object body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            if (!headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<byte[]> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] received = response.body();
            if (response.headers()
                    .firstValue("Content-Encoding")
                    .filter("gzip"::equalsIgnoreCase)
                    .isPresent()) {
                // Like a browser: a gzip-encoded body is unpacked; the header tells it was sent so.
                try (GZIPInputStream unzipped =
                        new GZIPInputStream(new ByteArrayInputStream(received))) {
                    received = unzipped.readAllBytes();
                }
            }
            return new Response(response.statusCode(), response.headers().map(), received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers (lower-case names) and body. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body());
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public java.util.List<String> headerValues(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }
}
