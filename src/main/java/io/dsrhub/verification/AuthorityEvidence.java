package io.dsrhub.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.evidence.EvidenceStore;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.Timestamps;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The proof an agent or guardian gives for a request awaiting approval, by upload:
 * {@code POST /verify/{id}/evidence?token=<status token>} with the file as the body (PDF, PNG or JPEG, at most
 * {@code dsr.verification.max-evidence-bytes}). The file goes to the evidence bucket, a row and an audit event record
 * its type, size and SHA-256. The operator sees it with the request's verification:
 * {@code GET /api/v1/admin/requests/{id}/verification}.
 */
public final class AuthorityEvidence {

    static final Set<String> TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    private final ObjectMapper json = new ObjectMapper();
    private final JdbcClient jdbc;
    private final LedgerTransactions tx;
    private final RequestLedger ledger;
    private final AuditTrail audit;
    private final EvidenceStore store;
    private final StatusTokens tokens;
    private final ChallengeLedger challenges;
    private final Clock clock;
    private final long maxBytes;

    public AuthorityEvidence(JdbcClient jdbc, LedgerTransactions tx, RequestLedger ledger, AuditTrail audit,
            EvidenceStore store, StatusTokens tokens, ChallengeLedger challenges, Clock clock, long maxBytes) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.audit = audit;
        this.store = store;
        this.tokens = tokens;
        this.challenges = challenges;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public void upload(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        String token = exchange.getIn().getHeader("token", String.class);
        if (id == null || id.length() > 36 || !tokens.matches(id, token)) {
            throw HttpProblem.notFound();
        }
        SubjectRequest request = ledger.find(id).orElseThrow(HttpProblem::notFound);
        if (request.requester().isSubject() || request.status() != RequestStatus.AWAITING_APPROVAL) {
            throw new HttpProblem(409, "no proof is awaited", List.of(new FieldError("request",
                    "takes proof of authority only from an agent or guardian while it awaits approval")));
        }
        String type = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        String contentType = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(contentType)) {
            throw new HttpProblem(415, "unsupported file type", List.of(new FieldError("Content-Type",
                    "must be one of application/pdf, image/png, image/jpeg")));
        }
        byte[] content = exchange.getIn().getBody(byte[].class);
        if (content == null || content.length == 0) {
            throw new HttpProblem(400, "empty file", List.of(new FieldError("body", "must be the file")));
        }
        if (content.length > maxBytes) {
            throw HttpProblem.tooLarge(maxBytes);
        }
        String sha256 = sha256(content);
        String key = store.newKey(id);
        store.put(key, content, contentType, sha256);
        tx.run(() -> {
            jdbc.sql("INSERT INTO verification_evidence (request_id, object_key, content_type, size_bytes, sha256, "
                            + "uploaded_at) VALUES (:id, :key, :type, :size, :sha, :now)")
                    .param("id", id).param("key", key).param("type", contentType).param("size", (long) content.length)
                    .param("sha", sha256).param("now", Timestamps.toDb(clock.instant())).update();
            audit.record(id, "requester:" + request.requester().kind().code(), "EVIDENCE_UPLOADED",
                    contentType + ", " + content.length + " bytes, sha256 " + sha256);
        });
        ObjectNode answer = json.createObjectNode();
        answer.put("sha256", sha256);
        answer.put("sizeBytes", content.length);
        HttpAnswers.json(exchange, 201, answer.toString());
    }

    /** The operator's view of a request's verification: level, on file, outcome and the proof uploaded. */
    public void view(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        SubjectRequest request = id == null || id.length() > 36 ? null : ledger.find(id).orElse(null);
        if (request == null) {
            throw HttpProblem.notFound();
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("id", id);
        answer.put("status", request.status().name());
        answer.put("requester", request.requester().kind().code());
        challenges.record(id).ifPresent(r -> {
            answer.put("level", r.level());
            answer.put("onFile", r.onFile());
            answer.put("requestedAt", r.requestedAt().toString());
            answer.put("completedAt", r.completedAt() == null ? null : r.completedAt().toString());
            answer.put("outcome", r.outcome());
        });
        ArrayNode evidence = answer.putArray("evidence");
        jdbc.sql("SELECT * FROM verification_evidence WHERE request_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> evidence.addObject().put("objectKey", rs.getString("object_key"))
                        .put("contentType", rs.getString("content_type")).put("sizeBytes", rs.getLong("size_bytes"))
                        .put("sha256", rs.getString("sha256"))
                        .put("uploadedAt", Timestamps.fromDb(rs.getObject("uploaded_at", OffsetDateTime.class))
                                .toString()))
                .list();
        HttpAnswers.json(exchange, 200, answer.toString());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
