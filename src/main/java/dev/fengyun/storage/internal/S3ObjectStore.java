package dev.fengyun.storage.internal;

import dev.fengyun.storage.ObjectStore;
import dev.fengyun.storage.StoredObject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Objects in an S3 bucket through the AWS SDK (AWS S3, Tencent COS, MinIO, Ceph and other
 * S3-compatible services); signed URLs are S3 presigned GET URLs.
 */
class S3ObjectStore implements ObjectStore, AutoCloseable {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3ObjectStore(StorageSettings.S3 settings) {
        AwsCredentialsProvider credentials =
                settings.accessKey().isPresent()
                        ? StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(
                                        settings.accessKey().get(),
                                        settings.secretKey().orElse("")))
                        : DefaultCredentialsProvider.builder().build();
        Region region = Region.of(settings.region());
        S3Configuration s3Configuration =
                S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
        var client =
                S3Client.builder()
                        .region(region)
                        .credentialsProvider(credentials)
                        .serviceConfiguration(s3Configuration)
                        // Many S3-compatible services do not support the newer default checksums.
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .httpClientBuilder(Apache5HttpClient.builder());
        var presign =
                S3Presigner.builder()
                        .region(region)
                        .credentialsProvider(credentials)
                        .serviceConfiguration(s3Configuration);
        if (settings.endpoint().isPresent()) {
            URI endpoint = URI.create(settings.endpoint().get());
            client.endpointOverride(endpoint);
            presign.endpointOverride(endpoint);
        }
        this.s3 = client.build();
        this.presigner = presign.build();
        this.bucket = settings.bucket();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(
                b -> b.bucket(bucket).key(ObjectStore.checkKey(key)).contentType(contentType),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<StoredObject> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(ObjectStore.checkKey(key)));
            return Optional.of(
                    new StoredObject(object.asByteArray(), object.response().contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(ObjectStore.checkKey(key)));
    }

    @Override
    public String signedUrl(String key, Duration validFor) {
        ObjectStore.checkKey(key);
        return presigner
                .presignGetObject(
                        b ->
                                b.signatureDuration(validFor)
                                        .getObjectRequest(g -> g.bucket(bucket).key(key)))
                .url()
                .toString();
    }

    @Override
    public String kind() {
        return "s3";
    }

    @Override
    public Optional<String> publicOrigin() {
        URI url = URI.create(signedUrl("origin-probe", Duration.ofMinutes(1)));
        return Optional.of(url.getScheme() + "://" + url.getRawAuthority());
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
