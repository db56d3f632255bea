package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A subject writes to iSmartHomeQ's mailbox in Chinese asking to see their data. Once verified, the demo account
 * system is exported and the reply goes back in Chinese, from the controller's address, in the thread of the
 * subject's own message (In-Reply-To), with the link to a package whose summary page is in Chinese too.
 */
class ChineseReplyTest {

    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static LedgerRows rows;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
        mail = new TestMailServer();
        hub = SeedMailboxes.on(mail, HubInstance.builder().database(database))
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.fulfilment.announce-delay", "100")
                .property("dsr.outbox.poll-delay", "100")
                .property("dsr.tasks.poll-delay", "100").start();
        rows = new LedgerRows(database.dataSource());
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    @Test
    void aChineseRequestIsAnsweredInChineseInItsThread() throws Exception {
        String eml = "From: wang.fang@example.cn\nTo: " + SeedMailboxes.ISMARTHOMEQ
                + "\nSubject: =?UTF-8?B?5Liq5Lq65L+h5oGv?=\nMessage-ID: <zh-access-1@example.cn>\n"
                + "Date: Mon, 3 Mar 2025 10:00:00 +0800\nContent-Type: text/plain; charset=utf-8\n\n"
                + "您好，我想查阅你们持有的我的个人信息。谢谢！\n";
        RawSmtp.send(mail.smtpPort(), "wang.fang@example.cn", SeedMailboxes.ISMARTHOMEQ,
                eml.getBytes(StandardCharsets.UTF_8));
        String id = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> found = rows.rows("SELECT request_id FROM inbound_message WHERE message_id = ?",
                    "<zh-access-1@example.cn>");
            return found.isEmpty() ? null : (String) found.get(0).get("request_id");
        }, Objects::nonNull);
        TestRequests requests = new TestRequests(hub);
        assertThat(requests.request(id).language()).isEqualTo("zh");
        requests.verify(id);
        requests.awaitStatus(id, Duration.ofSeconds(40), RequestStatus.COMPLETED);

        MimeMessage reply = ReplyMails.await(mail, "wang.fang@example.cn", "您的个人信息请求已处理完毕");
        String reference = requests.request(id).reference();
        assertThat(reply.getSubject()).isEqualTo("[" + reference + "] 您的个人信息请求已处理完毕");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<zh-access-1@example.cn>");
        assertThat(reply.getFrom()[0].toString()).isEqualTo(SeedMailboxes.ISMARTHOMEQ);
        String body = ReplyMails.text(reply);
        assertThat(body).startsWith("您好：").contains("我们已处理完您的请求（编号 " + reference + "）")
                .contains("请在").contains("通过以下链接下载您的数据").contains("此链接仅供您本人使用")
                .doesNotContain("Wang Fang").doesNotContain("+8613900000003");

        Map<String, String> zip = ReplyMails.unzip(ReplyMails.download(ReplyMails.link(body)).body(), null);
        assertThat(zip.get("summary.html")).contains("<html lang=\"zh\">").contains("信息类别说明")
                .contains("与您有关的个人信息");
        assertThat(zip.get("data.json")).contains("wang.fang@example.cn").contains("ISQ-9001");
    }
}
