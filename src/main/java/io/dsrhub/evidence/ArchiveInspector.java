package io.dsrhub.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside untrusted archives (ZIP, which includes .docx and .xlsx, and gzip) before the hub keeps them, without
 * ever inflating more than the limits allow: too many entries, more expanded bytes than allowed, an extreme
 * compression ratio, or entry names that climb out of the archive make it a bomb. Nothing is written anywhere;
 * the inflated bytes are counted and dropped.
 */
public final class ArchiveInspector {

    private static final int MIN_BYTES_FOR_RATIO = 1024 * 1024;

    private final int maxEntries;
    private final long maxExpandedBytes;
    private final int maxRatio;

    public ArchiveInspector(int maxEntries, long maxExpandedBytes, int maxRatio) {
        this.maxEntries = maxEntries;
        this.maxExpandedBytes = maxExpandedBytes;
        this.maxRatio = maxRatio;
    }

    /** Why the content is not safe to keep, or empty when it is not an archive or is a harmless one. */
    public Optional<String> problemWith(byte[] content) {
        if (isZip(content)) {
            return inspectZip(content);
        }
        if (isGzip(content)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
                long expanded = drain(in, maxExpandedBytes + 1);
                return judge(expanded, content.length, "gzip stream");
            } catch (IOException e) {
                return Optional.of("not a readable gzip stream: " + e.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }

    private Optional<String> inspectZip(byte[] content) {
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                if (entries > maxEntries) {
                    return Optional.of("ZIP archive with more than " + maxEntries + " entries");
                }
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || name.equals("..") || name.startsWith("../") || name.contains("/../")) {
                    return Optional.of("ZIP archive with an entry outside the archive");
                }
                expanded += drain(zip, maxExpandedBytes + 1 - expanded);
                if (expanded > maxExpandedBytes) {
                    return Optional.of("ZIP archive that expands beyond " + maxExpandedBytes + " bytes");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("not a readable ZIP archive: " + e.getClass().getSimpleName());
        }
        return judge(expanded, content.length, "ZIP archive");
    }

    private Optional<String> judge(long expanded, long compressed, String kind) {
        if (expanded > maxExpandedBytes) {
            return Optional.of(kind + " that expands beyond " + maxExpandedBytes + " bytes");
        }
        if (expanded >= MIN_BYTES_FOR_RATIO && compressed > 0 && expanded / compressed > maxRatio) {
            return Optional.of(kind + " with a compression ratio of " + (expanded / compressed) + ":1");
        }
        return Optional.empty();
    }

    /** Reads and drops at most {@code limit} bytes; returns how many were read. */
    private static long drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
            total += n;
        }
        return total;
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7)
                && (b[3] == 4 || b[3] == 6 || b[3] == 8);
    }

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }
}
