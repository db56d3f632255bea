package io.dsrhub.ledger;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs ledger work in one database transaction. */
public final class LedgerTransactions {

    private final TransactionTemplate template;

    public LedgerTransactions(TransactionTemplate template) {
        this.template = template;
    }

    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }

    public void run(Runnable work) {
        template.executeWithoutResult(status -> work.run());
    }
}
