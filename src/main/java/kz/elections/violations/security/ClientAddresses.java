package kz.elections.violations.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client a login comes from, as the throttle counts it: the TCP peer's address. A request from one of
 * the trusted proxies ({@code security.trusted-proxies}) comes from the nearest address in its
 * {@code X-Forwarded-For} that is not a trusted proxy; from anyone else that header is ignored, since any
 * client can write it. An IPv6 client counts by its /64 network: one host or home gets such a block and
 * may pick a new address in it for every request.
 */
final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Set<InetAddress> trustedProxies;

    /** @param trustedProxies IP addresses (v4 or v6) of the proxies whose X-Forwarded-For is believed */
    ClientAddresses(Collection<String> trustedProxies) {
        Set<InetAddress> proxies = new HashSet<>();
        for (String proxy : trustedProxies) {
            if (proxy.isBlank()) {
                continue;
            }
            InetAddress address = parse(proxy.trim());
            if (address == null) {
                throw new IllegalArgumentException("security.trusted-proxies: " + proxy + " is not an IP address");
            }
            proxies.add(address);
        }
        this.trustedProxies = Collections.unmodifiableSet(proxies);
    }

    String of(HttpServletRequest request) {
        InetAddress peer = parse(request.getRemoteAddr());
        if (peer == null) {
            return request.getRemoteAddr();
        }
        InetAddress client = peer;
        if (trustedProxies.contains(peer)) {
            List<String> hops = forwardedFor(request);
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = parse(hops.get(i));
                if (hop == null) {
                    break;
                }
                client = hop;
                if (!trustedProxies.contains(hop)) {
                    break;
                }
            }
        }
        return counted(client);
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    private static String counted(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return network.append(":/64").toString();
    }

    /** The address an IP literal names; null for anything else (never a name lookup). */
    static InetAddress parse(String literal) {
        if (literal == null) {
            return null;
        }
        String text = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1)
                : literal;
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        try {
            if (IPV4.matcher(text).matches()) {
                return ipv4(text);
            }
            // a text with a colon is parsed as an IPv6 literal or refused, never looked up
            return IPV6.matcher(text).matches() ? InetAddress.getByName(text) : null;
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static InetAddress ipv4(String text) throws UnknownHostException {
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int part = Integer.parseInt(parts[i]);
            if (part > 255) {
                return null;
            }
            bytes[i] = (byte) part;
        }
        return InetAddress.getByAddress(bytes);
    }
}
