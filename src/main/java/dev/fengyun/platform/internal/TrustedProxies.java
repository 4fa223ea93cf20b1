package dev.fengyun.platform.internal;

import dev.fengyun.platform.InvalidSetting;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-*} headers are believed ({@code FENGYUN_TRUSTED_PROXIES}: a
 * comma-separated list of addresses and CIDR ranges, {@code none} for nobody). Anyone else could
 * write any address into {@code X-Forwarded-For} and so escape per-address rate limits.
 */
final class TrustedProxies {

    static final String VARIABLE = "FENGYUN_TRUSTED_PROXIES";

    /** Loopback and private networks: where ingress controllers and load balancers live. */
    static final String DEFAULT =
            "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Range> ranges;

    /** Decisions for socket addresses seen recently: every request asks about its peer. */
    private final Map<String, Boolean> decisions = new ConcurrentHashMap<>();

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    static TrustedProxies parse(String value) {
        List<Range> ranges = new ArrayList<>();
        if (value.isBlank() || value.trim().equalsIgnoreCase("none")) {
            return new TrustedProxies(ranges);
        }
        for (String part : value.split(",")) {
            String entry = part.trim();
            if (!entry.isEmpty()) {
                ranges.add(Range.parse(entry));
            }
        }
        return new TrustedProxies(ranges);
    }

    boolean trusts(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        Boolean known = decisions.get(address);
        if (known != null) {
            return known;
        }
        if (decisions.size() > 10_000) {
            decisions.clear();
        }
        boolean trusted = decide(address);
        decisions.put(address, trusted);
        return trusted;
    }

    private boolean decide(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client behind a chain of proxies: walking {@code X-Forwarded-For} from the right, the
     * first address that is not itself a trusted proxy. Only called when the socket's peer is
     * trusted.
     */
    String client(String socketAddress, List<String> forwardedFor) {
        String client = socketAddress;
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            String hop = forwardedFor.get(i).trim();
            if (literal(hop) == null) {
                break; // garbage or an obfuscated name: stop at the last address we can vouch for
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    /** The address bytes of an IP literal, or null for anything else (never a DNS lookup). */
    static byte[] literal(String address) {
        String text =
                address.startsWith("[") && address.endsWith("]")
                        ? address.substring(1, address.length() - 1)
                        : address;
        boolean ipv4 = IPV4.matcher(text).matches();
        boolean ipv6 = text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = literal(address);
            if (network == null) {
                throw new InvalidSetting(
                        VARIABLE, "'" + entry + "' is not an IP address or CIDR range");
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new InvalidSetting(
                            VARIABLE, "'" + entry + "' has an invalid prefix length");
                }
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
