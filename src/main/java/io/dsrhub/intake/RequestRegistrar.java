package io.dsrhub.intake;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.deadline.DeadlineEngine;
import io.dsrhub.deadline.RequestClock;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.reply.Acknowledgements;
import io.dsrhub.security.StatusTokens;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Puts a new request in the ledger: the request, its identities, its dates (from the deadline engine), its first
 * audit event, its idempotency key and its acknowledgement, all in one transaction. A submission whose idempotency key was taken
 * before (a resubmitted form, a retried API call, a redelivered message) returns the earlier request instead.
 */
public final class RequestRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRegistrar.class);

    private final ControllerCatalogue controllers;
    private final RequestLedger ledger;
    private final LedgerTransactions tx;
    private final DeadlineEngine deadlines;
    private final Acknowledgements acknowledgements;
    private final StatusTokens statusTokens;

    public RequestRegistrar(ControllerCatalogue controllers, RequestLedger ledger, LedgerTransactions tx,
            DeadlineEngine deadlines, Acknowledgements acknowledgements, StatusTokens statusTokens) {
        this.controllers = controllers;
        this.ledger = ledger;
        this.tx = tx;
        this.deadlines = deadlines;
        this.acknowledgements = acknowledgements;
        this.statusTokens = statusTokens;
    }

    public Registration register(NewRequest request) {
        return register(request, null);
    }

    /** @param inReplyTo the Message-ID the acknowledgement answers, for requests that came by e-mail */
    public Registration register(NewRequest request, String inReplyTo) {
        var earlier = ledger.requestIdForKey(request.idempotencyKey());
        if (earlier.isPresent()) {
            return existing(earlier.get());
        }
        Controller controller = controllers.require(request.controllerId());
        try {
            SubjectRequest saved = tx.inTransaction(() -> {
                RequestClock requestClock = deadlines.clockFor(controller, request);
                String actor = "intake:" + request.channel().name().toLowerCase(Locale.ROOT).replace('_', '-');
                SubjectRequest inserted = ledger.insert(request, actor, requestClock.dates());
                acknowledgements.queue(inserted, controller, requestClock.dates(), inReplyTo);
                deadlines.started(inserted, requestClock, actor);
                return inserted;
            });
            LOG.info("registered request {} ({}) for {} via {}", saved.reference(), saved.id(), controller.id(),
                    request.channel());
            return new Registration(saved, true, statusTokens.issue(saved.id()));
        } catch (DuplicateKeyException race) {
            return ledger.requestIdForKey(request.idempotencyKey()).map(this::existing).orElseThrow(() -> race);
        }
    }

    private Registration existing(String requestId) {
        SubjectRequest request = ledger.find(requestId).orElseThrow();
        return new Registration(request, false, statusTokens.issue(requestId));
    }
}
