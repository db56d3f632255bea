package io.dsrhub.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.domain.DataCategories;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a data map must say, and the erase order it implies. */
class DataMapTest {

    private static JdbcSystemFile.ColumnMap column(String name, List<String> categories, String identity,
            String erase, JdbcSystemFile.ColumnReference... references) {
        return new JdbcSystemFile.ColumnMap(name, categories, identity, erase, null,
                references.length == 0 ? null : List.of(references));
    }

    private static JdbcSystemFile.TableMap table(String name, String erase, JdbcSystemFile.ColumnMap... columns) {
        return new JdbcSystemFile.TableMap(name, List.of("id"), erase, null, null, List.of(columns));
    }

    private static JdbcSystemFile.ColumnReference from(String field) {
        return new JdbcSystemFile.ColumnReference(field, "from");
    }

    @Test
    void tablesHoldingAForeignKeyAreErasedBeforeTheTablesTheyPointTo() {
        DataMap map = DataMap.compile("shop.yaml", List.of(
                table("customer", null, column("email", List.of("user.contact.email"), "email", null)),
                table("orders", "delete-row", column("customer_id", List.of(), null, null, from("customer.id"))),
                table("order_item", "delete-row", column("order_id", List.of("user.orders"), null, null,
                        from("orders.id"))),
                table("login", "delete-row", column("customer_id", List.of("user.activity"), null, null,
                        from("customer.id")))));

        assertThat(map.eraseOrder()).extracting(DataMap.Table::name)
                .containsExactly("order_item", "orders", "login", "customer");
        assertThat(map.edges()).extracting(e -> e.from().name() + "." + e.fromColumn() + ">" + e.to().name())
                .containsExactly("customer.id>orders", "orders.id>order_item", "customer.id>login");
        assertThat(map.holds(DataCategories.of("user.activity"))).isTrue();
        assertThat(map.holds(DataCategories.of("user.financial"))).isFalse();
    }

    @Test
    void aReferenceToAnUnmappedTableIsRefusedWithItsKey() {
        assertThatThrownBy(() -> DataMap.compile("shop.yaml", List.of(
                table("customer", null, column("email", List.of("user.contact.email"), "email", null)),
                table("orders", null, column("customer_id", List.of(), null, null, from("client.id"))))))
                .isInstanceOf(FulfilmentConfigException.class)
                .hasMessageStartingWith("shop.yaml: key 'tables[1].columns[0].references[0].field': table 'client'");
    }

    @Test
    void aMapWithoutIdentityColumnCannotFindAnybody() {
        assertThatThrownBy(() -> DataMap.compile("shop.yaml", List.of(
                table("customer", null, column("email", List.of("user.contact.email"), null, null)))))
                .hasMessageContaining("key 'tables'").hasMessageContaining("identity");
    }

    @Test
    void unsafeIdentifiersUnknownStrategiesAndKeyRewritesAreRefused() {
        assertThatThrownBy(() -> DataMap.compile("shop.yaml", List.of(
                table("customer; DROP TABLE x", null, column("email", List.of("user"), "email", null)))))
                .hasMessageContaining("key 'tables[0].name'");
        assertThatThrownBy(() -> DataMap.compile("shop.yaml", List.of(
                table("customer", null, column("email", List.of("user"), "email", "shred")))))
                .hasMessageContaining("key 'tables[0].columns[0].erase'").hasMessageContaining("keyed-hash");
        assertThatThrownBy(() -> DataMap.compile("shop.yaml", List.of(
                table("customer", null, column("id", List.of("user.account"), "account-id", "set-null")))))
                .hasMessageContaining("primary key");
        assertThatThrownBy(() -> DataMap.compile("shop.yaml", List.of(
                table("customer", null, column("email", List.of("User.Email"), "email", null)))))
                .hasMessageContaining("key 'tables[0].columns[0].categories[0]'");
    }

    @Test
    void referencesFormingACycleHaveNoEraseOrder() {
        assertThatThrownBy(() -> DataMap.compile("shop.yaml", List.of(
                table("a", null, column("email", List.of("user"), "email", null),
                        column("b_id", List.of(), null, null, new JdbcSystemFile.ColumnReference("b.id", "to"))),
                table("b", null, column("a_id", List.of(), null, null, new JdbcSystemFile.ColumnReference("a.id",
                        "to"))))))
                .hasMessageContaining("cycle");
    }
}
