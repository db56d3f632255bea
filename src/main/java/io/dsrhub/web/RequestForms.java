package io.dsrhub.web;

import io.dsrhub.controller.ClockStart;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.controller.ResponsePromise;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.intake.FieldErrors;
import io.dsrhub.intake.FormSubmission;
import io.dsrhub.intake.FormSubmissionReader;
import io.dsrhub.intake.Registration;
import io.dsrhub.intake.RequestRegistrar;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.reply.Templates;
import io.dsrhub.security.GeneratedSecrets;
import io.dsrhub.security.StatusTokens;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.camel.Exchange;

/**
 * The HTML pages a data subject uses without JavaScript: the list of controllers, each controller's request form,
 * the confirmation after sending it, and the status page the acknowledgement links to.
 */
public final class RequestForms {

    private final ControllerCatalogue controllers;
    private final Templates templates;
    private final FormSubmissionReader reader;
    private final RequestRegistrar registrar;
    private final RequestLedger ledger;
    private final StatusTokens tokens;
    private final RequestBodies bodies;
    private final Clock clock;

    public RequestForms(ControllerCatalogue controllers, Templates templates, FormSubmissionReader reader,
            RequestRegistrar registrar, RequestLedger ledger, StatusTokens tokens, RequestBodies bodies, Clock clock) {
        this.controllers = controllers;
        this.templates = templates;
        this.reader = reader;
        this.registrar = registrar;
        this.ledger = ledger;
        this.tokens = tokens;
        this.bodies = bodies;
        this.clock = clock;
    }

    public void index(Exchange exchange) {
        String language = "en";
        List<Map<String, String>> list = controllers.all().stream()
                .map(c -> Map.of("id", c.id(), "name", c.name())).toList();
        HttpAnswers.html(exchange, 200, templates.render("web/index.ftlh", null, language,
                Map.of("controllers", list)));
    }

    public void form(Exchange exchange) {
        Controller controller = controllerOf(exchange);
        String language = pickLanguage(controller, exchange.getIn().getHeader("lang", String.class),
                exchange.getIn().getHeader("Accept-Language", String.class));
        HttpAnswers.html(exchange, 200, renderForm(controller, language, Map.of(), List.of(), new FieldErrors(),
                GeneratedSecrets.random()));
    }

    public void submit(Exchange exchange) {
        Controller controller = controllerOf(exchange);
        bodies.checkDeclaredLength(exchange);
        FormSubmission form = FormSubmission.fromFields(exchange.getIn().getHeaders(), FormSubmissionReader.FIELDS);
        FieldErrors errors = new FieldErrors();
        var request = reader.read(controller, form, clock.instant(), errors);
        if (!errors.isEmpty()) {
            String token = form.first("form_token");
            boolean tokenOk = token != null && FormSubmissionReader.FORM_TOKEN.matcher(token).matches();
            HttpAnswers.html(exchange, 400, renderForm(controller, request.language(), form.firstValues(),
                    form.all("types"), errors, tokenOk ? token : GeneratedSecrets.random()));
            return;
        }
        Registration registration = registrar.register(request);
        SubjectRequest saved = registration.request();
        Map<String, Object> model = new HashMap<>();
        model.put("reference", saved.reference());
        model.put("statusPath", "/status/" + saved.id() + "?token=" + registration.statusToken());
        HttpAnswers.html(exchange, registration.created() ? 201 : 200,
                templates.render("web/request-received.ftlh", controller.id(), saved.language(), model));
    }

    public void status(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        String token = exchange.getIn().getHeader("token", String.class);
        SubjectRequest request = tokens.matches(id, token) ? ledger.find(id).orElse(null) : null;
        if (request == null) {
            throw HttpProblem.notFound();
        }
        Controller controller = controllers.require(request.controllerId());
        String language = request.language();
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        ResourceBundle messages = Templates.Messages.bundle(language);
        Map<String, Object> model = new HashMap<>();
        model.put("reference", request.reference());
        model.put("controllerName", controller.name());
        model.put("status", request.status().name());
        model.put("types", request.types().stream().map(t -> messages.getString("type." + t.code())).toList());
        model.put("receivedOn", request.receivedAt().atZone(controller.timeZone()).toLocalDate().format(format));
        model.put("dueOn", request.dueAt() == null ? ""
                : request.dueAt().atZone(controller.timeZone()).toLocalDate().format(format));
        Object reply = exchange.getProperty("dsrReply");
        model.put("reply", reply instanceof Map<?, ?> map ? map : Map.of());
        // identity verification: where the requester types the code from the verification mail
        model.put("id", request.id());
        model.put("statusToken", token);
        HttpAnswers.html(exchange, 200, templates.render("web/status.ftlh", controller.id(), language, model));
    }

    /** The HTML answer for a failed page request: 404 or a general error, never a stack trace. */
    public void error(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int status = cause instanceof HttpProblem problem ? problem.status() : 500;
        if (status == 500) {
            ProblemResponses.logIncident(exchange, cause);
        }
        ResourceBundle messages = Templates.Messages.bundle("en");
        String message = messages.getString(status == 404 ? "error.notfound"
                : status == 429 ? "error.toomany" : "error.general");
        HttpAnswers.html(exchange, status, templates.render("web/error.ftlh", null, "en", Map.of("message", message)));
    }

    private Controller controllerOf(Exchange exchange) {
        return controllers.find(exchange.getIn().getHeader("controller", String.class))
                .orElseThrow(HttpProblem::notFound);
    }

    private String renderForm(Controller controller, String language, Map<String, String> values,
            List<String> chosen, FieldErrors errors, String formToken) {
        Locale locale = Locale.forLanguageTag(language);
        ResourceBundle messages = Templates.Messages.bundle(language);
        List<Map<String, Object>> types = new ArrayList<>();
        for (RequestType type : controller.requestTypes()) {
            types.add(Map.of("code", type.code(), "label", messages.getString("type." + type.code()),
                    "checked", chosen.contains(type.code())));
        }
        List<Map<String, String>> countries = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            countries.add(Map.of("code", code, "name", new Locale("", code).getDisplayCountry(locale)));
        }
        countries.sort(Comparator.comparing(m -> m.get("name")));
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.list().forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        Map<String, Object> model = new HashMap<>();
        model.put("controllerId", controller.id());
        model.put("controllerName", controller.name());
        model.put("languages", controller.languages());
        model.put("promise", promiseText(controller.promise(), messages));
        model.put("types", types);
        model.put("countries", countries);
        model.put("values", values);
        model.put("errors", fieldErrors);
        model.put("formToken", formToken);
        model.put("identifierFields", FormSubmissionReader.optionalIdentityFields());
        model.put("guardianMayRequest", controller.minors() == null || controller.minors().guardianMayRequest());
        return templates.render("web/request-form.ftlh", controller.id(), language, model);
    }

    static String promiseText(ResponsePromise promise, ResourceBundle messages) {
        String period = MessageFormat.format(
                messages.getString("promise." + promise.unit().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                promise.within());
        return promise.clockStarts() == ClockStart.VERIFICATION
                ? MessageFormat.format(messages.getString("promise.from-verification"), period) : period;
    }

    static String pickLanguage(Controller controller, String requested, String acceptLanguage) {
        if (controller.speaks(requested)) {
            return requested;
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String lang = range.getRange().split("-")[0];
                    if (controller.speaks(lang)) {
                        return lang;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // fall through to the default
            }
        }
        return controller.defaultLanguage();
    }
}
