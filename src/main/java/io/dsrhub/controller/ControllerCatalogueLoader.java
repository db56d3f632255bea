package io.dsrhub.controller;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads every {@code *.yaml} file of the controllers directory. A file's name (without extension) must equal its
 * {@code id}; two files may not claim the same id; a directory with no controller is an error.
 */
public final class ControllerCatalogueLoader {

    private final ControllerFileReader reader = new ControllerFileReader();

    public ControllerCatalogue load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ControllerConfigException("dsr.controllers.dir: '" + directory
                    + "' is not a directory; expected the folder holding one <id>.yaml per controller", null);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = new ArrayList<>(listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList());
        } catch (IOException e) {
            throw new ControllerConfigException("dsr.controllers.dir: cannot list '" + directory + "': " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ControllerConfigException("dsr.controllers.dir: '" + directory
                    + "' holds no *.yaml file; expected one file per controller", null);
        }
        Map<String, Controller> byId = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.toString();
            Controller controller;
            try (InputStream in = Files.newInputStream(file)) {
                controller = reader.read(name, in);
            } catch (IOException e) {
                throw new ControllerConfigException(name + ": cannot be read: " + e.getMessage(), e);
            }
            String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!stem.equals(controller.id())) {
                throw new ControllerConfigException(name, "id",
                        "expected '" + stem + "' (the file name without .yaml); got '" + controller.id() + "'");
            }
            byId.put(controller.id(), controller);
        }
        return new ControllerCatalogue(byId);
    }
}
