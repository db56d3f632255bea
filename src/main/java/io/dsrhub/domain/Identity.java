package io.dsrhub.domain;

/**
 * A typed identifier of the data subject. {@code format} is {@code raw} for plain values, or the name of the
 * hash ({@code sha256}, {@code sha1}, {@code md5}) when a caller such as an OpenDSR controller sent a digest.
 */
public record Identity(IdentityType type, String value, String format) {

    public static final String RAW = "raw";

    public static Identity raw(IdentityType type, String value) {
        return new Identity(type, type.normalise(value), RAW);
    }

    public boolean isRaw() {
        return RAW.equals(format);
    }
}
