package io.dsrhub.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Delivers a message over SMTP byte for byte, as a mail server on the internet would hand it over: no parsing and no
 * re-encoding, so broken MIME, 8-bit legacy charsets and odd headers reach the mailbox as written. Line ends become
 * CRLF and lines starting with a dot are dot-stuffed, as SMTP requires.
 */
public final class RawSmtp {

    private RawSmtp() {
    }

    public static void send(int port, String envelopeFrom, String recipient, byte[] message) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            expect(in, '2');
            command(out, "EHLO test.example");
            expect(in, '2');
            command(out, "MAIL FROM:<" + envelopeFrom + ">");
            expect(in, '2');
            command(out, "RCPT TO:<" + recipient + ">");
            expect(in, '2');
            command(out, "DATA");
            expect(in, '3');
            out.write(dataOf(message));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, '2');
            command(out, "QUIT");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] dataOf(byte[] message) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(message.length + 1024);
        boolean lineStart = true;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (lineStart && b == '.') {
                data.write('.');
            }
            if (b == '\r') {
                continue;
            }
            if (b == '\n') {
                data.write('\r');
                data.write('\n');
                lineStart = true;
                continue;
            }
            data.write(b);
            lineStart = false;
        }
        if (!lineStart) {
            data.write('\r');
            data.write('\n');
        }
        return data.toByteArray();
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one (possibly multi-line) reply and checks its first digit. */
    private static void expect(InputStream in, char first) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            if (c == -1) {
                throw new IOException("SMTP connection closed");
            }
            String reply = line.toString().strip();
            if (reply.length() >= 4 && reply.charAt(3) == '-') {
                continue;
            }
            if (reply.isEmpty() || reply.charAt(0) != first) {
                throw new IOException("unexpected SMTP reply: " + reply);
            }
            return;
        }
    }
}
