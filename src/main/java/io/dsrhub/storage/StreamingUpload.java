package io.dsrhub.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An object written as a stream: bytes are kept only up to one part; a larger object becomes a multipart upload
 * whose parts are sent as they fill, so memory stays at one part whatever the object's size. A failed or abandoned
 * upload is aborted, leaving no object and no stray parts.
 */
public final class StreamingUpload extends OutputStream {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final byte[] part;
    private int filled;
    private long total;
    private String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();
    private boolean closed;
    private boolean failed;

    public StreamingUpload(S3Client s3, String bucket, String key, String contentType, int partSize) {
        if (partSize < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB; got " + partSize);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.part = new byte[partSize];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            int n = Math.min(length, part.length - filled);
            System.arraycopy(bytes, offset, part, filled, n);
            filled += n;
            total += n;
            offset += n;
            length -= n;
            if (filled == part.length) {
                sendPart();
            }
        }
    }

    /** Bytes written so far. */
    public long size() {
        return total;
    }

    public String key() {
        return key;
    }

    /** The filled part as a request body, read from the buffer itself (no copy). */
    private RequestBody body() {
        int length = filled;
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, length), length, contentType);
    }

    private void sendPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
            }
            int number = parts.size() + 1;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                    .contentLength((long) filled), body()).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        } catch (RuntimeException e) {
            abort();
            throw new IOException("upload of part " + (parts.size() + 1) + " of " + key + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (failed) {
            return;
        }
        try {
            if (uploadId == null) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength((long) filled),
                        body());
                return;
            }
            if (filled > 0) {
                sendPart();
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abort();
            throw new IOException("upload of " + key + " failed", e);
        }
    }

    /** Gives the upload up: nothing is stored. */
    public void abort() {
        failed = true;
        closed = true;
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException ignored) {
                // the store expires incomplete uploads by itself
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("upload of " + key + " is closed");
        }
    }
}
