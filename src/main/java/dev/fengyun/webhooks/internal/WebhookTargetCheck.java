package dev.fengyun.webhooks.internal;

import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.Settings;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook deliveries off the service's own network (server-side request forgery): a target
 * must be an http(s) URL whose host resolves only to public addresses. Checked when a webhook is
 * registered and again before every delivery (the name may resolve elsewhere by then). {@code
 * FENGYUN_WEBHOOK_ALLOW_LOOPBACK=true} lets loopback targets through, for local testing.
 */
@Component
public class WebhookTargetCheck {

    private final boolean allowLoopback;

    WebhookTargetCheck(Settings settings) {
        this.allowLoopback = settings.flag("FENGYUN_WEBHOOK_ALLOW_LOOPBACK", false);
    }

    /**
     * @throws InvalidInput ({@code url}) for anything but a public http(s) target
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new InvalidInput("url", "InvalidUrl", "must be an absolute http(s) URL");
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null
                || uri.getUserInfo() != null) {
            throw new InvalidInput(
                    "url", "InvalidUrl", "must be an absolute http(s) URL without credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInput(
                    "url", "UnknownHost", "host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!allowed(address)) {
                throw new InvalidInput(
                        "url",
                        "PrivateAddress",
                        "must reach a public address; "
                                + uri.getHost()
                                + " resolves to "
                                + address.getHostAddress());
            }
        }
        return uri;
    }

    private boolean allowed(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        byte[] raw = address.getAddress();
        boolean carrierNat =
                raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64; // 100.64.0.0/10
        boolean uniqueLocal =
                address instanceof Inet6Address && (raw[0] & 0xfe) == 0xfc; // fc00::/7
        boolean benchmarking =
                raw.length == 4 && (raw[0] & 0xff) == 198 && (raw[1] & 0xfe) == 18; // 198.18.0.0/15
        boolean zeroNet = raw.length == 4 && raw[0] == 0;
        return !(address.isAnyLocalAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isMulticastAddress()
                || carrierNat
                || uniqueLocal
                || benchmarking
                || zeroNet);
    }
}
