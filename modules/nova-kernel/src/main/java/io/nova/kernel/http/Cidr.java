package io.nova.kernel.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a range of one. */
record Cidr(byte[] network, int prefixBits) {

    static Cidr parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        InetAddress address = IpLiteral.parse(slash < 0 ? value : value.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an address range: " + text));
        int maxBits = address.getAddress().length * 8;
        int bits;
        try {
            bits = slash < 0 ? maxBits : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an address range: " + text);
        }
        if (bits < 0 || bits > maxBits) {
            throw new IllegalArgumentException("prefix length out of range: " + text);
        }
        return new Cidr(address.getAddress(), bits);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    /** IP literals only: a host name must never cause a DNS lookup on the request path. */
    static final class IpLiteral {
        private IpLiteral() {
        }

        static java.util.Optional<InetAddress> parse(String text) {
            String value = text.strip();
            if (value.startsWith("[") && value.endsWith("]")) {
                value = value.substring(1, value.length() - 1);
            }
            boolean literal = !value.isEmpty() && value.length() <= 45 && value.chars().allMatch(
                    c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
                    && (value.contains(":") || value.chars().filter(c -> c == '.').count() == 3);
            if (!literal) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(InetAddress.getByName(value));
            } catch (UnknownHostException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
