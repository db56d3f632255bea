package io.dsrhub.connector.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.FulfilmentFileReader;
import io.dsrhub.fulfilment.SystemContext;
import io.dsrhub.fulfilment.TargetSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a {@code type: s3} system file into a bucket system. */
public final class S3SystemReader {

    private static final Pattern REGION_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,31}$");
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");

    private S3SystemReader() {
    }

    public static TargetSystem read(Path path, JsonNode tree, FulfilmentFileReader reader, String controllerId,
            SystemContext context) {
        String file = path.toString();
        S3SystemFile system = reader.bind(path, tree, S3SystemFile.class);
        if (system.regions() == null || system.regions().isEmpty()) {
            throw new FulfilmentConfigException(file, "regions", "expected at least one region with its bucket");
        }
        List<S3Region> regions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < system.regions().size(); i++) {
            S3SystemFile.RegionSettings region = system.regions().get(i);
            String key = "regions[" + i + "]";
            if (region.id() == null || !REGION_ID.matcher(region.id()).matches() || !ids.add(region.id())) {
                throw new FulfilmentConfigException(file, key + ".id", "expected a unique short id such as "
                        + "frankfurt (lower-case letters, digits, hyphens); got '" + region.id() + "'");
            }
            if (region.region() == null || region.region().isBlank()) {
                throw new FulfilmentConfigException(file, key + ".region", "expected the region name, such as "
                        + "eu-central-1");
            }
            if (region.bucket() == null || !BUCKET.matcher(region.bucket()).matches()) {
                throw new FulfilmentConfigException(file, key + ".bucket", "expected a bucket name; got '"
                        + region.bucket() + "'");
            }
            if ((region.accessKey() == null) != (region.secretKey() == null)) {
                throw new FulfilmentConfigException(file, key + ".secret-key", "give both access-key and "
                        + "secret-key, or neither (the default AWS credential chain)");
            }
            if (region.endpoint() != null && !region.endpoint().matches("^https?://.+")) {
                throw new FulfilmentConfigException(file, key + ".endpoint", "expected an http(s) URL; got '"
                        + region.endpoint() + "'");
            }
            regions.add(new S3Region(region));
        }
        if (system.objects() == null || system.objects().isEmpty()) {
            throw new FulfilmentConfigException(file, "objects", "expected where a subject's objects are, such as "
                    + "{prefix: 'videos/{account-id}/', categories: [user.content.video]}");
        }
        List<S3Connector.Objects> objects = new ArrayList<>();
        for (int i = 0; i < system.objects().size(); i++) {
            S3SystemFile.ObjectSet set = system.objects().get(i);
            String key = "objects[" + i + "]";
            if ((set.prefix() == null) == (set.key() == null)) {
                throw new FulfilmentConfigException(file, key, "expected exactly one of 'prefix' or 'key'");
            }
            KeyTemplate template;
            try {
                template = KeyTemplate.parse(set.prefix() != null ? set.prefix() : set.key(), set.prefix() != null);
            } catch (IllegalArgumentException e) {
                throw new FulfilmentConfigException(file, key + (set.prefix() != null ? ".prefix" : ".key"),
                        e.getMessage());
            }
            if (set.categories() == null || set.categories().isEmpty()) {
                throw new FulfilmentConfigException(file, key + ".categories", "expected the data categories of "
                        + "these objects, such as [user.content.video]");
            }
            for (int c = 0; c < set.categories().size(); c++) {
                if (!DataCategories.isValid(set.categories().get(c))) {
                    throw new FulfilmentConfigException(file, key + ".categories[" + c + "]", "expected a dotted "
                            + "category such as user.content.video; got '" + set.categories().get(c) + "'");
                }
            }
            objects.add(new S3Connector.Objects(template, new DataCategories(set.categories()),
                    List.copyOf(set.categories())));
        }
        String export = system.export() == null ? "copy" : system.export();
        if (!export.equals("copy") && !export.equals("link")) {
            throw new FulfilmentConfigException(file, "export", "expected copy or link; got '" + export + "'");
        }
        Duration expiry = system.linkExpiry() == null ? Duration.ofDays(7) : system.linkExpiry();
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(Duration.ofDays(7)) > 0) {
            throw new FulfilmentConfigException(file, "link-expiry", "expected a duration up to P7D (the longest a "
                    + "presigned link may last)");
        }
        int concurrency = context.concurrency(file, system.maxConcurrency());
        S3Connector connector = new S3Connector(system.id(), regions, objects, export.equals("link"), expiry,
                context.exports(), context.clock());
        return new TargetSystem(system.id(), system.name(), controllerId, file, Boolean.TRUE.equals(system.demo()), concurrency,
                system.identitiesFrom() == null ? List.of() : List.copyOf(system.identitiesFrom()), connector);
    }
}
