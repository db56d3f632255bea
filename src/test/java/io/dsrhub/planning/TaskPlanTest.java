package io.dsrhub.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.connector.jdbc.DataMap;
import io.dsrhub.connector.jdbc.JdbcConnector;
import io.dsrhub.connector.jdbc.JdbcSystemFile;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.controller.ControllerCatalogueLoader;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.Requester;
import io.dsrhub.domain.RequesterKind;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.fulfilment.DerivedIdentity;
import io.dsrhub.fulfilment.TargetSystem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a verified request becomes tasks, from the controller's policy and the data its systems hold. */
class TaskPlanTest {

    private static final ControllerCatalogue CONTROLLERS = new ControllerCatalogueLoader()
            .load(Path.of("config", "controllers"));
    private final List<TargetSystem> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(s -> s.connector().close());
    }

    private TargetSystem database(String id, String controller, List<String> categories, boolean restrictable,
            List<DerivedIdentity> derived) {
        List<JdbcSystemFile.ColumnMap> columns = new ArrayList<>();
        columns.add(new JdbcSystemFile.ColumnMap("email", List.of("user.contact.email"), "email", null, null, null));
        for (int i = 0; i < categories.size(); i++) {
            columns.add(new JdbcSystemFile.ColumnMap("c" + i, List.of(categories.get(i)), null, null, null, null));
        }
        DataMap map = DataMap.compile(id + ".yaml", List.of(new JdbcSystemFile.TableMap("t", List.of("id"), null,
                null, restrictable ? new JdbcSystemFile.RestrictionMark("restricted", true) : null, columns)));
        JdbcConnector connector = new JdbcConnector(id + ".yaml", id, new JdbcSystemFile.ConnectionSettings(
                "jdbc:h2:mem:plan-" + id, "sa", "", null, 1), map, 1, () -> null, () -> null, Clock.systemUTC());
        TargetSystem system = new TargetSystem(id, id, controller, id + ".yaml", false, 4, derived, connector);
        opened.add(system);
        return system;
    }

    private static SubjectRequest request(String controller, RequestType... types) {
        return new SubjectRequest("r-1", "DSR-TEST-0001", controller, Channel.API, RequestStatus.VERIFIED,
                new Requester(RequesterKind.SUBJECT, null, "s@example.com"), "s@example.com", null, null, "en", null,
                null, Instant.now(), Instant.now(), null, new LinkedHashSet<>(List.of(types)), List.of());
    }

    private static FulfilmentPolicy policy(String controller, Map<RequestType, FulfilmentPolicy.Target> targets) {
        return new FulfilmentPolicy(controller, targets, List.of());
    }

    private static FulfilmentPolicy.Target target(TaskAction action, String... categories) {
        return new FulfilmentPolicy.Target(action, DataCategories.of(categories));
    }

    @Test
    void readsComeFirstAndEveryHoldingSystemGetsOneTaskPerAction() {
        Controller ironzon = CONTROLLERS.require("ironzon");
        TargetSystem shop = database("shop", "ironzon", List.of("user.orders"), false, List.of());
        TargetSystem crm = database("crm", "ironzon", List.of("user.name"), false, List.of());
        FulfilmentPolicy policy = policy("ironzon", Map.of(
                RequestType.ACCESS, target(TaskAction.EXPORT, "user"),
                RequestType.PORTABILITY, target(TaskAction.EXPORT, "user.orders"),
                RequestType.ERASURE, target(TaskAction.ERASE, "user.name")));

        TaskPlan plan = TaskPlan.of(request("ironzon", RequestType.ACCESS, RequestType.PORTABILITY,
                RequestType.ERASURE), ironzon, policy, List.of(shop, crm), s -> 2);

        assertThat(plan.tasks()).extracting(t -> t.systemId() + ":" + t.action().code() + "@" + t.stage() + " "
                        + t.input().categories())
                .containsExactly("shop:export@1 [user, user.orders]", "crm:export@1 [user]", "crm:erase@2 [user.name]");
        assertThat(plan.tasks().get(0).input().requestTypes()).containsExactly("access", "portability");
        assertThat(plan.tasks()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.PENDING));
    }

    @Test
    void whatNoConnectorCanDoGoesToThePrivacyTeam() {
        Controller ironzon = CONTROLLERS.require("ironzon");
        TargetSystem shop = database("shop", "ironzon", List.of("user.name"), false, List.of());
        FulfilmentPolicy policy = policy("ironzon", Map.of(
                RequestType.RECTIFICATION, target(TaskAction.RECTIFY, "user.name"),
                RequestType.RESTRICTION, target(TaskAction.RESTRICT, "user"),
                RequestType.CONSENT_WITHDRAWAL, target(TaskAction.MANUAL)));

        TaskPlan plan = TaskPlan.of(request("ironzon", RequestType.RECTIFICATION, RequestType.RESTRICTION,
                RequestType.CONSENT_WITHDRAWAL, RequestType.OPT_OUT), ironzon, policy, List.of(shop), s -> 2);

        assertThat(plan.tasks()).extracting(t -> t.systemId() + ":" + t.action().code() + " " + t.status())
                .containsExactly("shop:rectify MANUAL_PENDING", "shop:restrict MANUAL_PENDING",
                        "privacy-team:manual MANUAL_PENDING");
        assertThat(plan.tasks().get(2).input().requestTypes()).containsExactly("consent-withdrawal", "opt-out");
    }

    @Test
    void aControllerWithoutSystemsSendsTheWholeRequestToThePrivacyTeam() {
        Controller ikotek = CONTROLLERS.require("ikotek");
        TaskPlan plan = TaskPlan.of(request("ikotek", RequestType.ACCESS), ikotek, FulfilmentPolicy.manualOnly("ikotek"),
                List.of(), s -> 2);

        assertThat(plan.tasks()).singleElement().satisfies(t -> {
            assertThat(t.systemId()).isEqualTo(TaskPlan.PRIVACY_TEAM);
            assertThat(t.input().note()).contains("no systems are configured");
        });
    }

    @Test
    void aTypeNoSystemHoldsDataForIsNotedNotPlanned() {
        Controller ironzon = CONTROLLERS.require("ironzon");
        TargetSystem shop = database("shop", "ironzon", List.of("user.orders"), false, List.of());
        TaskPlan plan = TaskPlan.of(request("ironzon", RequestType.ERASURE), ironzon,
                policy("ironzon", Map.of(RequestType.ERASURE, target(TaskAction.ERASE, "user.biometric"))),
                List.of(shop), s -> 2);

        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().contains("erasure").contains("user.biometric");
    }

    @Test
    void aRetentionRuleRunningFromAccountClosureOnlyHoldsForAccountClosures() {
        Controller iid2secure = CONTROLLERS.require("iid2secure");
        FulfilmentPolicy policy = new FulfilmentPolicy("iid2secure", Map.of(), iid2secure.retention().stream()
                .map(rule -> new FulfilmentPolicy.Retention(rule, DataCategories.of("user"))).toList());

        assertThat(TaskPlan.retention(policy, EnumSet.of(RequestType.ERASURE)))
                .extracting(t -> t.rule()).containsExactly("six-months-after-deletion");
        assertThat(TaskPlan.retention(policy, EnumSet.of(RequestType.ACCOUNT_CLOSURE)))
                .extracting(t -> t.rule() + " " + t.period())
                .containsExactly("six-months-after-account-closure P6M", "six-months-after-deletion P6M");
    }
}
