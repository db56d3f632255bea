package io.dsrhub.reply;

import io.dsrhub.controller.Controller;

/**
 * The language a reply is written in: the one the subject wrote in when the controller answers in it or the hub has
 * the template in it (a German e-mail to a controller that lists only English is still answered in German), else the
 * controller's default language.
 */
public final class ReplyLanguage {

    private ReplyLanguage() {
    }

    public static String choose(Controller controller, String subjectLanguage, Templates templates, String template) {
        if (subjectLanguage == null || subjectLanguage.isBlank()) {
            return controller.defaultLanguage();
        }
        if (controller.speaks(subjectLanguage) || templates.hasLanguage(template, controller.id(), subjectLanguage)) {
            return subjectLanguage;
        }
        return controller.defaultLanguage();
    }
}
