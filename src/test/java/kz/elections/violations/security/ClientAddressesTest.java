package kz.elections.violations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which client a request comes from: the TCP peer, X-Forwarded-For only from trusted proxies, IPv6 by /64. */
class ClientAddressesTest {

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItForwards() {
        ClientAddresses addresses = new ClientAddresses(List.of(""));
        assertThat(addresses.of(from("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aTrustedProxyNamesTheClientAsTheNearestAddressThatIsNoTrustedProxy() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.1", "10.0.0.2"));
        // the client's own header comes first; the proxies append what they saw
        assertThat(addresses.of(from("10.0.0.1", "1.1.1.1, 198.51.100.9"))).isEqualTo("198.51.100.9");
        assertThat(addresses.of(from("10.0.0.1", "1.1.1.1, 198.51.100.9, 10.0.0.2"))).isEqualTo("198.51.100.9");
        assertThat(addresses.of(from("10.0.0.1", "1.1.1.1", "198.51.100.9"))).isEqualTo("198.51.100.9");
        // no header, or only proxies in it: the last proxy named
        assertThat(addresses.of(from("10.0.0.1"))).isEqualTo("10.0.0.1");
        assertThat(addresses.of(from("10.0.0.1", "10.0.0.2"))).isEqualTo("10.0.0.2");
        // what is not an IP address ends the walk; a name is never looked up
        assertThat(addresses.of(from("10.0.0.1", "198.51.100.9, evil.example"))).isEqualTo("10.0.0.1");
        assertThat(addresses.of(from("10.0.0.1", "198.51.100.9, 999.1.1.1"))).isEqualTo("10.0.0.1");
        // a client that is no proxy cannot pretend to be one
        assertThat(addresses.of(from("203.0.113.7", "10.0.0.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64Network() {
        ClientAddresses addresses = new ClientAddresses(List.of("::1"));
        assertThat(addresses.of(from("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(addresses.of(from("2001:db8:1:2::5"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(addresses.of(from("0:0:0:0:0:0:0:1", "[2001:db8:9::1]"))).isEqualTo("2001:db8:9:0::/64");
        assertThat(addresses.of(from("::ffff:198.51.100.9"))).isEqualTo("198.51.100.9");
    }

    @Test
    void aTrustedProxyThatIsNoIpAddressIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.example");
    }
}
