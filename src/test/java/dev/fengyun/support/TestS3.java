package dev.fengyun.support;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3-compatible server in-process (s3proxy over an in-memory blob store) on a free loopback
 * port, checking request signatures and presigned URL expiry like S3 does.
 */
public final class TestS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-key-for-s3proxy";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final BlobStore blobs;

    public TestS3(String bucket) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        blobs =
                ContextBuilder.newBuilder("transient")
                        .credentials("identity", "credential")
                        .overrides(new Properties())
                        .build(BlobStoreContext.class)
                        .getBlobStore();
        blobs.createContainerInLocation(null, bucket);
        proxy =
                S3Proxy.builder()
                        .blobStore(blobs)
                        .endpoint(endpoint)
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .build();
        proxy.start();
        for (int i = 0; i < 100 && !proxy.getState().equals("STARTED"); i++) {
            Thread.sleep(50);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
