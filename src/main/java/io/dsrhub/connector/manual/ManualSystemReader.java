package io.dsrhub.connector.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.FulfilmentFileReader;
import io.dsrhub.fulfilment.SystemContext;
import io.dsrhub.fulfilment.TargetSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Reads a {@code type: manual} system file: a system whose tasks a person does. */
public final class ManualSystemReader {

    private ManualSystemReader() {
    }

    public static TargetSystem read(Path path, JsonNode tree, FulfilmentFileReader reader, String controllerId,
            SystemContext context) {
        String file = path.toString();
        ManualSystemFile system = reader.bind(path, tree, ManualSystemFile.class);
        if (system.owner() == null || !IdentityType.EMAIL.accepts(system.owner())) {
            throw new FulfilmentConfigException(file, "owner", "expected the e-mail address of who does this "
                    + "system's tasks; got '" + system.owner() + "'");
        }
        if (system.instructions() == null || system.instructions().isBlank()) {
            throw new FulfilmentConfigException(file, "instructions", "expected what the owner does for a task "
                    + "(where to look, how to erase)");
        }
        Duration dueIn = system.dueIn() == null ? Duration.ofDays(5) : system.dueIn();
        Duration remindBefore = system.remindBefore() == null ? Duration.ofDays(1) : system.remindBefore();
        if (dueIn.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new FulfilmentConfigException(file, "due-in", "expected a duration such as P5D; got " + dueIn);
        }
        if (remindBefore.isNegative() || remindBefore.compareTo(dueIn) >= 0) {
            throw new FulfilmentConfigException(file, "remind-before", "expected a duration shorter than due-in ("
                    + dueIn + "); got " + remindBefore);
        }
        if (system.categories() == null || system.categories().isEmpty()
                || !system.categories().stream().allMatch(DataCategories::isValid)) {
            throw new FulfilmentConfigException(file, "categories", "expected the data categories the system "
                    + "holds, such as [user.contact, user.orders]");
        }
        ManualConnector connector = new ManualConnector(system.id(), system.owner(), system.instructions().strip(),
                dueIn, remindBefore, new DataCategories(system.categories()));
        return new TargetSystem(system.id(), system.name() == null ? system.id() : system.name(), controllerId, file,
                Boolean.TRUE.equals(system.demo()), context.concurrency(file, system.maxConcurrency()), List.of(),
                connector);
    }
}
