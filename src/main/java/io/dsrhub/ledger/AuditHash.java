package io.dsrhub.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash that chains audit events: SHA-256 over the previous event's hash and every field of this one, each
 * field length-prefixed so that no two different events hash alike.
 */
final class AuditHash {

    private AuditHash() {
    }

    static String of(String prevHash, String requestId, int seq, Instant occurredAt, String actor, String action,
            String fromStatus, String toStatus, String detail) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String field : new String[] {prevHash, requestId, Integer.toString(seq),
                occurredAt.truncatedTo(ChronoUnit.MICROS).toString(), actor, action, fromStatus, toStatus, detail}) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            sha256.update(Integer.toString(field == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String of(AuditEvent e) {
        return of(e.prevHash(), e.requestId(), e.seq(), e.occurredAt(), e.actor(), e.action(), e.fromStatus(),
                e.toStatus(), e.detail());
    }
}
