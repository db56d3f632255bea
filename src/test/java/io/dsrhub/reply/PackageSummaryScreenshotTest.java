package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The summary page of a real data package, rendered by a headless browser (Debian's chromium): the screenshot is a
 * PNG of the requested size whose page is not blank (a white background with a good share of dark text pixels). The
 * screenshot is kept in target/package-summary.png for a person to look at. Without chromium the test is skipped
 * with a message, except on CI (environment variable CI set), where it fails.
 */
class PackageSummaryScreenshotTest {

    @RegisterExtension
    static final ReplyHub hub = ReplyHub.on(TestDatabase.Kind.H2, "ironzon", """
                        request-types:
                          access: {action: export, categories: [user]}
                        """);

    @Test
    void theSummaryRendersAsAReadablePage() throws Exception {
        String chromium = chromium();
        TestRequests requests = hub.requests();
        String id = hub.requests().submitVerified("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        hub.requests().awaitStatus(id, RequestStatus.COMPLETED);
        String body = ReplyMails.text(ReplyMails.await(hub.mail(), "pat@example.com", "complete"));
        Map<String, String> zip = ReplyMails.unzip(ReplyMails.download(ReplyMails.link(body)).body(), null);

        Path dir = Files.createTempDirectory("dsr-summary-");
        Path html = dir.resolve("summary.html");
        Files.writeString(html, zip.get("summary.html"), StandardCharsets.UTF_8);
        Path png = Path.of("target", "package-summary.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1000,900",
                "--screenshot=" + png, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();

        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(900);
        long dark = 0;
        long light = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int lum = (((rgb >> 16) & 0xff) * 3 + ((rgb >> 8) & 0xff) * 6 + (rgb & 0xff)) / 10;
                if (lum < 100) {
                    dark++;
                } else if (lum > 230) {
                    light++;
                }
            }
        }
        long all = (long) image.getWidth() * image.getHeight();
        assertThat(light).as("a light page").isGreaterThan(all / 2);
        assertThat(dark).as("text on it").isGreaterThan(all / 200);
    }

    private static String chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError("chromium is required on CI for the package summary check (apt-get install "
                    + "chromium)");
        }
        Assumptions.abort("chromium is not installed: the package summary screenshot check is skipped (install it "
                + "with apt-get install chromium, see docs/replies.md)");
        return null;
    }
}
