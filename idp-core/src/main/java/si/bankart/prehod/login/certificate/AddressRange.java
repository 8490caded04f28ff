package si.bankart.prehod.login.certificate;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address or CIDR range (RFC 4632, RFC 4291 §2.3) of trusted proxies. Parses literals only, so that no DNS
 * answer can ever decide who is a trusted proxy.
 */
record AddressRange(byte[] network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    static AddressRange parse(String text, String key) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + ": an entry is empty");
        }
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not an address or CIDR range");
        }
        byte[] address = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                key + ": '" + text + "' is not an IP address or CIDR range (host names are not accepted)"));
        int bits = address.length * 8;
        int prefix = bits;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(key + ": '" + text + "' has a prefix length outside 0.." + bits);
            }
        }
        return new AddressRange(mask(address, prefix), prefix);
    }

    /** An IPv4 or IPv6 literal as bytes; empty for anything else, without a DNS lookup. */
    static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            // Only literals reach this line, which InetAddress parses without asking DNS.
            byte[] bytes = InetAddress.getByName(candidate).getAddress();
            return Optional.of(bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean contains(byte[] address) {
        byte[] candidate = address;
        if (candidate.length == 16 && network.length == 4 && isIpv4Mapped(candidate)) {
            candidate = Arrays.copyOfRange(candidate, 12, 16);
        }
        if (candidate.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(candidate, prefixLength), network);
    }

    private static boolean isIpv4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static byte[] mask(byte[] address, int prefix) {
        int bits = address.length * 8;
        BigInteger value = new BigInteger(1, address);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        byte[] masked = value.and(mask).toByteArray();
        byte[] out = new byte[address.length];
        int copy = Math.min(masked.length, out.length);
        System.arraycopy(masked, masked.length - copy, out, out.length - copy, copy);
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && prefixLength == range.prefixLength
                && Arrays.equals(network, range.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            return "AddressRange[" + prefixLength + "]";
        }
    }
}
