package io.dsrhub.mailbox;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML mail body, with a line break for every block element and quoted blocks
 * ({@code <blockquote>}) prefixed with {@code >} as a plain-text mail would quote them. Scripts, styles and the head
 * are dropped; nothing is fetched.
 */
final class HtmlText {

    private HtmlText() {
    }

    static String of(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, noscript, template").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int quoteDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String value = text.getWholeText().replaceAll("[\\s\\u00A0]+", " ");
                    if (!value.isBlank()) {
                        if (atLineStart(out)) {
                            out.append("> ".repeat(quoteDepth));
                            value = value.stripLeading();
                        }
                        out.append(value);
                    }
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("blockquote")) {
                        quoteDepth++;
                    }
                    if (tag.equals("br") || isBlock(tag)) {
                        newLine(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (isBlock(tag)) {
                        newLine(out);
                    }
                    if (tag.equals("blockquote")) {
                        quoteDepth--;
                    }
                }
            }
        }, doc.body());
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static boolean isBlock(String tag) {
        return switch (tag) {
            case "p", "div", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul",
                    "ol", "dl", "dt", "dd", "hr", "section", "article", "header", "footer", "address" -> true;
            default -> false;
        };
    }

    private static boolean atLineStart(StringBuilder out) {
        return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
