package io.dsrhub.connector.notice;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.Processor;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.FulfilmentFileReader;
import io.dsrhub.fulfilment.SystemContext;
import io.dsrhub.fulfilment.TargetSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads a {@code type: notice} system file: a processor asked by e-mail. */
public final class NoticeSystemReader {

    private NoticeSystemReader() {
    }

    public static TargetSystem read(Path path, JsonNode tree, FulfilmentFileReader reader, Controller controller,
            SystemContext context) {
        String file = path.toString();
        NoticeSystemFile system = reader.bind(path, tree, NoticeSystemFile.class);
        List<String> names = controller.processors() == null ? List.of()
                : controller.processors().stream().map(Processor::name).toList();
        Processor processor = controller.processors() == null ? null : controller.processors().stream()
                .filter(p -> p.name().equals(system.processor())).findFirst().orElse(null);
        if (processor == null) {
            throw new FulfilmentConfigException(file, "processor", "expected the name of one of the processors in "
                    + "the controller file " + names + "; got '" + system.processor() + "'");
        }
        String contact = system.contact() != null ? system.contact() : processor.privacyContact();
        if (contact == null || !IdentityType.EMAIL.accepts(contact)) {
            throw new FulfilmentConfigException(file, "contact", "expected the processor's privacy e-mail address "
                    + "(or privacy-contact on the processor in the controller file); got '" + contact + "'");
        }
        if (system.identifiers() == null || system.identifiers().isEmpty()) {
            throw new FulfilmentConfigException(file, "identifiers", "expected the identity types the processor "
                    + "holds, such as [order-number, email]");
        }
        Set<IdentityType> identifiers = EnumSet.noneOf(IdentityType.class);
        for (int i = 0; i < system.identifiers().size(); i++) {
            String code = system.identifiers().get(i);
            identifiers.add(IdentityType.fromCode(code).orElseThrow(() -> new FulfilmentConfigException(file,
                    "identifiers", "expected identity types such as order-number or email; got '" + code + "'")));
        }
        if (system.categories() == null || system.categories().isEmpty()
                || !system.categories().stream().allMatch(DataCategories::isValid)) {
            throw new FulfilmentConfigException(file, "categories", "expected the data categories the processor "
                    + "holds, such as [user.financial.transaction]");
        }
        Duration remindAfter = system.remindAfter() == null ? Duration.ofDays(7) : system.remindAfter();
        if (remindAfter.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new FulfilmentConfigException(file, "remind-after", "expected a duration of at least PT1M, such as "
                    + "P7D; got " + remindAfter);
        }
        int maxReminders = system.maxReminders() == null ? 2 : system.maxReminders();
        if (maxReminders < 0 || maxReminders > 10) {
            throw new FulfilmentConfigException(file, "max-reminders", "expected 0 to 10; got " + maxReminders);
        }
        NoticeConnector connector = new NoticeConnector(system.id(), processor.name(), contact, identifiers,
                new DataCategories(system.categories()), remindAfter, maxReminders, context);
        return new TargetSystem(system.id(), system.name() == null ? processor.name() : system.name(),
                controller.id(), file, Boolean.TRUE.equals(system.demo()),
                context.concurrency(file, system.maxConcurrency()),
                system.identitiesFrom() == null ? List.of() : List.copyOf(system.identitiesFrom()), connector);
    }
}
