package io.dsrhub.verification;

import io.dsrhub.connector.jdbc.JdbcConnector;
import io.dsrhub.controller.Controller;
import io.dsrhub.domain.Identity;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.fulfilment.TargetSystem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The controller's account system, as configured in its {@code verification.account-lookup}: finds the contact on
 * file for an e-mail address, and matches level-3 data points (a device serial, an order number) against the account.
 * Queries are the controller's parameterised ones; values are always bound, never spliced.
 */
public final class AccountDirectory {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountDirectory.class);

    private final Supplier<FulfilmentCatalogue> catalogue;
    private final boolean strict;

    /**
     * @param strict whether a lookup naming a system the controller does not have stops start-up (production); the
     *               embedded profile, whose systems folder is often replaced by a few test or trial systems, only
     *               warns and treats requesters as not on file
     */
    public AccountDirectory(Supplier<FulfilmentCatalogue> catalogue, boolean strict) {
        this.catalogue = catalogue;
        this.strict = strict;
    }

    /** The account of an e-mail address, or empty when the controller has none (or no lookup is configured). */
    public Optional<AccountOnFile> lookup(Controller controller, String email) {
        VerificationPolicy.AccountLookup lookup = controller.verification().accountLookup();
        if (lookup == null || email == null || !usable(controller)) {
            return Optional.empty();
        }
        try (Connection connection = connector(controller, lookup).connection();
                PreparedStatement statement = connection.prepareStatement(lookup.query())) {
            statement.setString(1, email.strip().toLowerCase(Locale.ROOT));
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String onFile = rs.getMetaData().getColumnCount() > 1 ? rs.getString(2) : email;
                return Optional.of(new AccountOnFile(rs.getString(1), onFile == null ? email : onFile));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("account lookup of " + controller.id() + " on " + lookup.system()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** Whether a data point the requester gave belongs to the account. */
    public boolean matches(Controller controller, AccountOnFile account, Identity dataPoint) {
        VerificationPolicy policy = controller.verification();
        String query = policy.dataPointQuery(dataPoint.type());
        if (query == null || account == null || !dataPoint.isRaw() || !usable(controller)) {
            return false;
        }
        try (Connection connection = connector(controller, policy.accountLookup()).connection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, account.reference());
            statement.setString(2, dataPoint.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("data point match of " + controller.id() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks at start-up that every configured lookup names a database system of its controller. A controller with no
     * systems at all (a deployment that has not described them yet) is only warned about: its requesters are treated
     * as not on file, so codes go to the address given.
     */
    public void check(Iterable<Controller> controllers) {
        for (Controller controller : controllers) {
            VerificationPolicy.AccountLookup lookup = controller.verification().accountLookup();
            if (lookup == null) {
                continue;
            }
            if (!strict && catalogue.get().system(lookup.system()).isEmpty()) {
                LOG.warn("controller {}: verification.account-lookup.system '{}' is not among its systems: every "
                        + "requester is treated as not on file", controller.id(), lookup.system());
                continue;
            }
            if (catalogue.get().systemsOf(controller.id()).isEmpty()) {
                LOG.warn("controller {} has no systems: verification.account-lookup ({}) is not used, and every "
                        + "requester is treated as not on file", controller.id(), lookup.system());
                continue;
            }
            connector(controller, lookup);
        }
    }

    private boolean usable(Controller controller) {
        VerificationPolicy.AccountLookup lookup = controller.verification().accountLookup();
        return lookup != null && !catalogue.get().systemsOf(controller.id()).isEmpty()
                && (strict || catalogue.get().system(lookup.system()).isPresent());
    }

    private JdbcConnector connector(Controller controller, VerificationPolicy.AccountLookup lookup) {
        TargetSystem system = catalogue.get().system(lookup.system())
                .filter(s -> s.controllerId().equals(controller.id()))
                .orElseThrow(() -> new VerificationConfigException(controller.id(), "verification.account-lookup.system",
                        "no system '" + lookup.system() + "' in config/fulfilment/" + controller.id() + "/systems"));
        if (!(system.connector() instanceof JdbcConnector jdbc)) {
            throw new VerificationConfigException(controller.id(), "verification.account-lookup.system",
                    "system '" + lookup.system() + "' is not a database (type jdbc)");
        }
        return jdbc;
    }
}
