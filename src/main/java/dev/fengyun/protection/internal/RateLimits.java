package dev.fengyun.protection.internal;

import dev.fengyun.platform.InvalidSetting;
import dev.fengyun.platform.Settings;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per kind of request and per client address or account. Two tiers: every
 * instance keeps buckets in memory, which stop a flood at the cost of a map lookup; for holds,
 * orders and sign-ins the same limit is then also kept cluster-wide in PostgreSQL, so a client
 * spreading its requests over many instances gains nothing.
 *
 * <p>{@code FENGYUN_RATE_LIMITS}: {@code on} (both tiers, the default), {@code local} (memory only)
 * or {@code off}. Each kind's limit has its own variable ({@link Kind}), written as requests per
 * period, e.g. {@code 30/1m} ({@code s}, {@code m} or {@code h}).
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final Pattern LIMIT = Pattern.compile("(\\d{1,9})/(\\d{1,6})([smh])");
    private static final int MAX_LOCAL_BUCKETS = 500_000;

    /** What a request does, which decides how often a client may do it. */
    public enum Kind {
        BROWSE("FENGYUN_RATE_LIMIT_BROWSE", "1200/1m", false),
        HOLD("FENGYUN_RATE_LIMIT_HOLD", "30/1m", true),
        ORDER("FENGYUN_RATE_LIMIT_ORDER", "20/1m", true),
        LOGIN("FENGYUN_RATE_LIMIT_LOGIN", "10/5m", true),
        SCAN("FENGYUN_RATE_LIMIT_SCAN", "1200/1m", false);

        final String variable;
        final String defaultLimit;
        final boolean clusterWide;

        Kind(String variable, String defaultLimit, boolean clusterWide) {
            this.variable = variable;
            this.defaultLimit = defaultLimit;
            this.clusterWide = clusterWide;
        }
    }

    private final String mode;
    private final Map<Kind, BucketConfiguration> limits = new EnumMap<>(Kind.class);
    private final Map<String, LocalBucket> local = new ConcurrentHashMap<>();
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> cluster;

    RateLimits(Settings settings, DataSource dataSource) {
        this.mode = settings.choice("FENGYUN_RATE_LIMITS", "on", "on", "local", "off");
        for (Kind kind : Kind.values()) {
            limits.put(kind, parse(kind.variable, settings.text(kind.variable, kind.defaultLimit)));
        }
        this.cluster =
                mode.equals("on")
                        ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                                .table("rate_limit_buckets")
                                .idColumn("id")
                                .stateColumn("state")
                                .expiresAtColumn("expires_at")
                                .expirationAfterWrite(
                                        ExpirationAfterWriteStrategy
                                                .basedOnTimeForRefillingBucketUpToMax(
                                                        Duration.ofMinutes(1)))
                                .build()
                        : null;
    }

    public boolean enabled() {
        return !mode.equals("off");
    }

    /**
     * Takes one request of this kind from the client's bucket; empty when allowed, else the seconds
     * until one more would be.
     */
    public OptionalLong take(Kind kind, String who) {
        if (!enabled()) {
            return OptionalLong.empty();
        }
        String key = kind.name() + "|" + who;
        if (local.size() > MAX_LOCAL_BUCKETS) {
            local.clear(); // a flood of distinct keys: forget rather than run out of memory
        }
        ConsumptionProbe probe =
                local.computeIfAbsent(key, k -> newBucket(kind))
                        .bucket()
                        .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
        }
        if (cluster != null && kind.clusterWide) {
            try {
                probe =
                        cluster.getProxy(key, () -> limits.get(kind))
                                .tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    return OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
                }
            } catch (RuntimeException e) {
                // Without the database the request fails on its own; never refuse because of this.
                log.debug("Cluster rate limit not checked: {}", e.toString());
            }
        }
        return OptionalLong.empty();
    }

    /** Forgets buckets that are full again (their client went quiet), here and in PostgreSQL. */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void forgetIdleBuckets() {
        local.values().removeIf(LocalBucket::idle);
        if (cluster != null) {
            try {
                while (cluster.removeExpired(1000) == 1000) {
                    // next batch
                }
            } catch (RuntimeException e) {
                log.warn("Idle rate-limit buckets not removed: {}", e.toString());
            }
        }
    }

    private LocalBucket newBucket(Kind kind) {
        Bandwidth bandwidth = limits.get(kind).getBandwidths()[0];
        return new LocalBucket(
                Bucket.builder().addLimit(bandwidth).build(), bandwidth.getCapacity());
    }

    private record LocalBucket(Bucket bucket, long capacity) {
        boolean idle() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    static BucketConfiguration parse(String name, String value) {
        Matcher m = LIMIT.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0 || Long.parseLong(m.group(2)) == 0) {
            throw new InvalidSetting(
                    name,
                    "must be requests per period like 30/1m, 10/5m or 5/10s, got '" + value + "'");
        }
        long count = Long.parseLong(m.group(1));
        long amount = Long.parseLong(m.group(2));
        Duration period =
                switch (m.group(3)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(count).refillGreedy(count, period).build())
                .build();
    }
}
