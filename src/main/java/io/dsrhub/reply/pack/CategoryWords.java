package io.dsrhub.reply.pack;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Plain words for a data category ({@code user.contact.email}: "Your e-mail address"), from the message bundle of
 * the reply's language ({@code category.<path>}); a category without its own words takes its parent's.
 */
public final class CategoryWords {

    private final ResourceBundle messages;

    public CategoryWords(ResourceBundle messages) {
        this.messages = messages;
    }

    public String describe(String category) {
        String path = category;
        while (path != null && !path.isEmpty()) {
            try {
                return messages.getString("category." + path);
            } catch (MissingResourceException missing) {
                int dot = path.lastIndexOf('.');
                path = dot < 0 ? null : path.substring(0, dot);
            }
        }
        return category;
    }
}
