package io.dsrhub.reply;

import freemarker.cache.ClassTemplateLoader;
import freemarker.ext.beans.ResourceBundleModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Renders FreeMarker templates from {@code /templates} on the class path. {@code .ftlh} files are HTML and
 * escape every value; {@code .ftl} files are plain text. A controller may override a template by putting its own
 * under {@code templates/<controller-id>/}; FreeMarker picks the language variant ({@code name_zh.ftl}) and falls
 * back to the template without a language suffix, which is English. Every template sees {@code msg}, the message
 * bundle of its language.
 */
public final class Templates {

    private final Configuration freemarker;

    public Templates() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new ClassTemplateLoader(Templates.class, "/templates"));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    /** Renders {@code name} for a controller in a language, with the language's message bundle as {@code msg}. */
    public String render(String name, String controllerId, String language, Map<String, ?> model) {
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> all = new HashMap<>(model);
        all.put("msg", new ResourceBundleModel(Messages.bundle(language),
                new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build()));
        all.put("lang", language);
        try {
            Template template = controllerId == null ? null
                    : freemarker.getTemplate(controllerId + "/" + name, locale, null, true, true);
            if (template == null) {
                template = freemarker.getTemplate(name, locale);
            }
            StringWriter out = new StringWriter();
            template.process(all, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template " + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }

    /**
     * Whether a template has a variant in a language ({@code name_de.ftl}), for the controller or shared. English is
     * the variant without a suffix, so it always exists.
     */
    public boolean hasLanguage(String name, String controllerId, String language) {
        if (language == null || language.isBlank()) {
            return false;
        }
        if (language.equals("en")) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        String variant = name.substring(0, dot) + "_" + language + name.substring(dot);
        return (controllerId != null && Templates.class.getResource("/templates/" + controllerId + "/" + variant) != null)
                || Templates.class.getResource("/templates/" + variant) != null;
    }

    /** Messages of one language, with English as the fallback for missing keys. */
    public static final class Messages {

        private Messages() {
        }

        public static ResourceBundle bundle(String language) {
            return ResourceBundle.getBundle("i18n/messages", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
    }
}
