package io.dsrhub.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestType;
import java.nio.file.Path;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The five reference customers ship as controllers with the facts their privacy policies state. */
class ShippedControllersTest {

    private final ControllerCatalogue catalogue = new ControllerCatalogueLoader().load(Path.of("config/controllers"));

    @Test
    void allFiveSeedCompaniesAreServed() {
        assertThat(catalogue.all()).extracting(Controller::id)
                .containsExactlyInAnyOrder("ironzon", "iid2secure", "ismarthomeq", "isocket", "ikotek");
    }

    @Test
    void ironzonPromisesSevenBusinessDaysFromReceipt() {
        Controller ironzon = catalogue.require("ironzon");
        assertThat(ironzon.contact().email()).isEqualTo("support@ironzon.com");
        assertThat(ironzon.promise().within()).isEqualTo(7);
        assertThat(ironzon.promise().unit()).isEqualTo(PeriodUnit.BUSINESS_DAYS);
        assertThat(ironzon.promise().clockStarts()).isEqualTo(ClockStart.RECEIPT);
        assertThat(ironzon.minors().age()).isEqualTo(18);
        assertThat(ironzon.honours(RequestType.ERASURE)).isTrue();
    }

    @Test
    void theChineseVendorsCountThirtyDaysFromVerificationAndKeepDataSixMonthsAfterClosure() {
        for (String id : new String[] {"iid2secure", "ismarthomeq"}) {
            Controller controller = catalogue.require(id);
            assertThat(controller.promise().within()).as(id).isEqualTo(30);
            assertThat(controller.promise().clockStarts()).as(id).isEqualTo(ClockStart.VERIFICATION);
            assertThat(controller.languages()).as(id).contains("zh");
            assertThat(controller.retention()).as(id)
                    .anySatisfy(rule -> assertThat(rule.period()).isEqualTo(Period.ofMonths(6)));
        }
        Controller iid2secure = catalogue.require("iid2secure");
        assertThat(iid2secure.processors()).extracting(Processor::name).contains("PayPal")
                .anySatisfy(name -> assertThat(name).containsIgnoringCase("wechat"));
        assertThat(iid2secure.minors().age()).isEqualTo(16);
        assertThat(iid2secure.backups()).containsIgnoringCase("backup");
    }

    @Test
    void isocketAnswersWithinOneMonthUnderGdprAndKeepsBookkeepingTenYears() {
        Controller isocket = catalogue.require("isocket");
        assertThat(isocket.promise().unit()).isEqualTo(PeriodUnit.CALENDAR_MONTHS);
        assertThat(isocket.promise().within()).isEqualTo(1);
        assertThat(isocket.jurisdictions()).contains("FI", "EU");
        assertThat(isocket.languages()).containsExactly("en", "fi");
        assertThat(isocket.retention()).anySatisfy(rule -> assertThat(rule.period()).isEqualTo(Period.ofYears(10)));
        assertThat(isocket.processors()).extracting(Processor::name).contains("PayPal", "Paytrail");
    }

    @Test
    void ikotekMayPostponeToFortyFiveDaysAndYieldsToLocalLaw() {
        Controller ikotek = catalogue.require("ikotek");
        assertThat(ikotek.promise().unit()).isEqualTo(PeriodUnit.CALENDAR_MONTHS);
        assertThat(ikotek.promise().extendableTo().within()).isEqualTo(45);
        assertThat(ikotek.promise().extendableTo().unit()).isEqualTo(PeriodUnit.CALENDAR_DAYS);
        assertThat(ikotek.promise().localLawPrevails()).isTrue();
        assertThat(ikotek.minors().age()).isEqualTo(14);
    }
}
