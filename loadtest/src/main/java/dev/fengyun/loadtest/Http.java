package dev.fengyun.loadtest;

import java.io.IOException;
import java.net.URI;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP for one buyer (its own keep-alive connection), timing every call into {@link
 * Stats}. Loopback only.
 */
final class Http implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Stats stats;

    Http(String base, Stats stats) {
        URI uri = URI.create(base);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("the load driver only targets 127.0.0.1, not " + uri.getHost());
        }
        this.connection = new Connection(uri.getHost(), uri.getPort());
        this.stats = stats;
    }

    Response get(String operation, String path, String token, String ifNoneMatch) {
        return timed(operation, "GET", path, null, token == null ? null : "Bearer " + token, ifNoneMatch);
    }

    Response post(String operation, String path, Object body, String token) {
        return timed(operation, "POST", path, body == null ? null : JSON.writeValueAsBytes(body), token == null ? null : "Bearer " + token, null);
    }

    Response delete(String operation, String path) {
        return timed(operation, "DELETE", path, null, null, null);
    }

    private Response timed(String operation, String method, String path, byte[] body, String authorization, String ifNoneMatch) {
        long started = System.nanoTime();
        try {
            Response response = connection.exchange(method, path, body, "Authorization", authorization, "If-None-Match", ifNoneMatch);
            long nanos = System.nanoTime() - started;
            stats.record(operation, nanos, response.status());
            return new Response(response.status(), response.body(), response.etag(), nanos);
        } catch (IOException | RuntimeException e) {
            connection.close();
            long nanos = System.nanoTime() - started;
            stats.record(operation, nanos, 599);
            return new Response(599, new byte[0], null, nanos);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    /** A status, body and ETag, and how long the exchange took. */
    record Response(int status, byte[] body, String etag, long nanos) {
        Response(int status, byte[] body, String etag) {
            this(status, body, etag, 0);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
