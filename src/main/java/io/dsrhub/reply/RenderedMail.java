package io.dsrhub.reply;

/**
 * A mail template's output split into subject and body: the template's first line is {@code Subject: ...}, and
 * the body follows the first blank line.
 */
public record RenderedMail(String subject, String body) {

    public static RenderedMail parse(String rendered, String templateName) {
        String text = rendered.replace("\r\n", "\n");
        if (!text.startsWith("Subject:")) {
            throw new IllegalStateException("mail template " + templateName + " must start with 'Subject: '");
        }
        int end = text.indexOf('\n');
        String subject = text.substring("Subject:".length(), end < 0 ? text.length() : end).strip();
        String body = end < 0 ? "" : text.substring(end + 1).replaceFirst("^\n+", "");
        return new RenderedMail(subject, body);
    }
}
