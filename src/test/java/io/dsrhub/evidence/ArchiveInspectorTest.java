package io.dsrhub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Archives among attachments are judged without inflating more than the limits: bombs are named, others pass. */
class ArchiveInspectorTest {

    private final ArchiveInspector inspector = new ArchiveInspector(100, 20 * 1024 * 1024, 100);

    @Test
    void ordinaryFilesAndOrdinaryArchivesPass() throws IOException {
        assertThat(inspector.problemWith("%PDF-1.4 a letter".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(inspector.problemWith(zip("letter.txt", "I authorise my agent.".repeat(50).getBytes(), 1))).isEmpty();
    }

    @Test
    void anArchiveWithAnExtremeCompressionRatioIsABomb() throws IOException {
        assertThat(inspector.problemWith(zip("zeros.bin", new byte[5 * 1024 * 1024], 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("compression ratio"));
    }

    @Test
    void anArchiveThatExpandsBeyondTheLimitIsStoppedAtTheLimit() throws IOException {
        ArchiveInspector small = new ArchiveInspector(100, 1024 * 1024, 1_000_000);
        assertThat(small.problemWith(zip("zeros.bin", new byte[3 * 1024 * 1024], 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("expands beyond 1048576 bytes"));
    }

    @Test
    void tooManyEntriesAndEntriesOutsideTheArchiveAreRefused() throws IOException {
        assertThat(inspector.problemWith(zip("f.txt", "x".getBytes(), 150)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("more than 100 entries"));
        assertThat(inspector.problemWith(zip("../../etc/passwd", "x".getBytes(), 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("outside the archive"));
    }

    @Test
    void aGzipBombAndACorruptArchiveAreRefused() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[8 * 1024 * 1024]);
        }
        assertThat(inspector.problemWith(gz.toByteArray())).isPresent();
        byte[] corrupt = zip("a.txt", "hello".repeat(1000).getBytes(), 1);
        for (int i = 40; i < corrupt.length - 30; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        assertThat(inspector.problemWith(corrupt)).hasValueSatisfying(reason -> assertThat(reason).contains("not a readable"));
    }

    private static byte[] zip(String name, byte[] content, int entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry(entries == 1 ? name : i + "-" + name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
