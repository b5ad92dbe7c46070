package kz.elections.violations.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client of a request as the login throttle counts it ({@link ClientAddresses}: the TCP peer, or the
 * nearest untrusted address of {@code X-Forwarded-For} behind {@code security.trusted-proxies}, IPv6 by its
 * /64 network), for the other limits per client, such as the complaints' rate limits.
 */
@Component
public class RequestClients {

    private final ClientAddresses addresses;

    RequestClients(@Value("${security.trusted-proxies:}") List<String> trustedProxies) {
        this.addresses = new ClientAddresses(trustedProxies);
    }

    /** The client's address as counted: an IPv4 address, or an IPv6 /64 network. */
    public String addressOf(HttpServletRequest request) {
        return addresses.of(request);
    }
}
