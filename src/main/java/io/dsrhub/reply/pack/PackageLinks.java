package io.dsrhub.reply.pack;

import io.dsrhub.ledger.Timestamps;
import io.dsrhub.security.StatusTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Download links of data packages: {@code <public base url>/packages/<token>}, valid for
 * {@code dsr.reply.package-link-days}. The token is an HMAC (under the hub's token secret) of a random nonce, so it
 * cannot be guessed; the ledger keeps the nonce and a SHA-256 of the token, never the token, and finds a package by
 * that hash. The status page recomputes the link from the nonce.
 */
public final class PackageLinks {

    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{20,100}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final StatusTokens tokens;
    private final Clock clock;
    private final Duration validity;
    private final String publicBaseUrl;

    /** A package as the ledger holds it. */
    public record StoredPackage(long id, String requestId, String bucket, String key, long bytes, boolean encrypted,
            Instant expiresAt, String url) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    public PackageLinks(JdbcClient jdbc, StatusTokens tokens, Clock clock, int days, String publicBaseUrl) {
        if (days < 1) {
            throw new IllegalArgumentException("dsr.reply.package-link-days must be at least 1, got " + days);
        }
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
        this.validity = Duration.ofDays(days);
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** Records a package and returns it with its link; call inside the reply's transaction. */
    public StoredPackage issue(String requestId, PackageBuilder.BuiltPackage built, boolean encrypted) {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String nonce = HexFormat.of().formatHex(raw);
        String token = token(nonce);
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        jdbc.sql("INSERT INTO data_package (request_id, token_hash, token_nonce, bucket, object_key, size_bytes, "
                        + "encrypted, expires_at, created_at) VALUES (:request, :hash, :nonce, :bucket, :key, :bytes, "
                        + ":encrypted, :expires, :now)")
                .param("request", requestId).param("hash", sha256(token)).param("nonce", nonce)
                .param("bucket", built.bucket()).param("key", built.key()).param("bytes", built.bytes())
                .param("encrypted", encrypted).param("expires", Timestamps.toDb(expires))
                .param("now", Timestamps.toDb(now)).update();
        return latest(requestId).orElseThrow();
    }

    /** The package a link's token opens, if any (a token of the wrong shape opens nothing). */
    public Optional<StoredPackage> byToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM data_package WHERE token_hash = :hash").param("hash", sha256(token))
                .query((rs, n) -> map(rs)).optional();
    }

    /** The request's newest package. */
    public Optional<StoredPackage> latest(String requestId) {
        return jdbc.sql("SELECT * FROM data_package WHERE request_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", requestId).query((rs, n) -> map(rs)).optional();
    }

    public void counted(long packageId) {
        jdbc.sql("UPDATE data_package SET downloads = downloads + 1 WHERE id = :id").param("id", packageId).update();
    }

    private StoredPackage map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredPackage(rs.getLong("id"), rs.getString("request_id"), rs.getString("bucket"),
                rs.getString("object_key"), rs.getLong("size_bytes"), rs.getBoolean("encrypted"),
                Timestamps.fromDb(rs.getObject("expires_at", OffsetDateTime.class)),
                publicBaseUrl + "/packages/" + token(rs.getString("token_nonce")));
    }

    private String token(String nonce) {
        return tokens.issue("package:" + nonce);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
