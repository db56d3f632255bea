package io.dsrhub.connector.s3;

import io.dsrhub.connector.Connector;
import io.dsrhub.connector.ConnectorRejection;
import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.retention.PurgeDates;
import io.dsrhub.retention.PurgeEntry;
import io.dsrhub.retention.RetentionTerm;
import io.dsrhub.storage.ExportStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket system: a subject's objects are found by key templates and prefixes built from their identities, in
 * every region of the system. Export copies each object into the hub's export bucket (streamed in parts) or makes
 * presigned links; erasure deletes every version (and delete marker) and reports the keys and bytes it removed.
 * The AWS SDK client of camel-aws2-s3 is used directly, because the erasure needs ListObjectVersions and
 * DeleteObjects with version ids, which the component's producer does not offer.
 */
public final class S3Connector implements Connector {

    private static final int MAX_REPORTED_KEYS = 1000;

    /** One object set, parsed. */
    record Objects(KeyTemplate template, DataCategories categories, List<String> categoryList) {
    }

    private final String systemId;
    private final List<S3Region> regions;
    private final List<Objects> objects;
    private final boolean links;
    private final Duration linkExpiry;
    private final Supplier<ExportStore> exports;
    private final Clock clock;

    public S3Connector(String systemId, List<S3Region> regions, List<Objects> objects, boolean links,
            Duration linkExpiry, Supplier<ExportStore> exports, Clock clock) {
        this.systemId = systemId;
        this.regions = List.copyOf(regions);
        this.objects = List.copyOf(objects);
        this.links = links;
        this.linkExpiry = linkExpiry;
        this.exports = exports;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "s3";
    }

    @Override
    public void verify() {
        for (S3Region region : regions) {
            region.verify();
        }
    }

    @Override
    public boolean holds(DataCategories categories) {
        return objects.stream().anyMatch(o -> categories.coversAny(o.categoryList()));
    }

    @Override
    public boolean automates(TaskAction action) {
        return switch (action) {
            case FIND, EXPORT, ERASE, PURGE -> true;
            case RESTRICT, RECTIFY, MANUAL -> false;
        };
    }

    @Override
    public TaskOutcome run(TaskWork work) throws Exception {
        return switch (work.action()) {
            case FIND -> find(work);
            case EXPORT -> export(work);
            case ERASE -> erase(work);
            case PURGE -> purge(work);
            default -> throw new ConnectorRejection("a bucket system cannot " + work.action().code());
        };
    }

    /** The subject's locations of the targeted object sets. */
    private List<Location> locations(TaskWork work) {
        List<Location> locations = new ArrayList<>();
        for (Objects set : objects) {
            if (!work.categories().coversAny(set.categoryList())) {
                continue;
            }
            for (String location : set.template().expand(work.identities())) {
                locations.add(new Location(set, location));
            }
        }
        return locations;
    }

    private record Location(Objects set, String value) {

        boolean prefix() {
            return set.template().isPrefix();
        }
    }

    private TaskOutcome find(TaskWork work) {
        List<TaskReport.RegionReport> reports = new ArrayList<>();
        for (S3Region region : regions) {
            Tally tally = new Tally();
            for (Location location : locations(work)) {
                region.current(location.value(), location.prefix()).forEach(tally::add);
            }
            if (tally.objects > 0) {
                reports.add(tally.report(region, 0, 0, 0));
            }
        }
        return outcome(work, reports.isEmpty() ? TaskStatus.NOT_FOUND : TaskStatus.DONE, reports, null, List.of(),
                null);
    }

    private TaskOutcome export(TaskWork work) throws IOException {
        List<TaskReport.RegionReport> reports = new ArrayList<>();
        List<TaskReport.ExportedObject> copied = new ArrayList<>();
        List<TaskReport.ExportLink> made = new ArrayList<>();
        long bytes = 0;
        ExportStore store = links ? null : exports.get();
        for (S3Region region : regions) {
            Tally tally = new Tally();
            int exported = 0;
            for (Location location : locations(work)) {
                for (S3Object object : (Iterable<S3Object>) region.current(location.value(), location.prefix())::iterator) {
                    tally.add(object);
                    if (links) {
                        made.add(new TaskReport.ExportLink(region.presign(object.key(), linkExpiry),
                                region.id() + ":" + object.key(), object.size(), clock.instant().plus(linkExpiry)));
                    } else {
                        String key = store.keyOf(work.requestId(), work.systemId(), region.id() + "/" + object.key());
                        try (ResponseInputStream<GetObjectResponse> in = region.open(object.key())) {
                            String type = in.response().contentType() == null ? "application/octet-stream"
                                    : in.response().contentType();
                            long size = store.copy(in, key, type);
                            copied.add(new TaskReport.ExportedObject(key, size, region.id() + ":" + object.key(), type));
                            bytes += size;
                        }
                    }
                    exported++;
                }
            }
            if (tally.objects > 0) {
                reports.add(tally.report(region, exported, 0, 0));
            }
        }
        TaskReport.ExportReport export = reports.isEmpty() ? null : links
                ? new TaskReport.ExportReport(null, null, 0, made)
                : new TaskReport.ExportReport(store.bucket(), copied, bytes, null);
        return outcome(work, reports.isEmpty() ? TaskStatus.NOT_FOUND : TaskStatus.DONE, reports, export,
                List.of(), null);
    }

    private TaskOutcome erase(TaskWork work) {
        List<TaskReport.RegionReport> reports = new ArrayList<>();
        List<PurgeEntry> purges = new ArrayList<>();
        for (S3Region region : regions) {
            Tally tally = new Tally();
            int erased = 0;
            int retained = 0;
            for (Location location : locations(work)) {
                RetentionTerm term = covering(work, location.set());
                if (term == null) {
                    S3Region.Erased gone = region.deleteAllVersions(location.value(), location.prefix());
                    tally.addErased(gone);
                    erased += gone.objects();
                } else {
                    Tally kept = new Tally();
                    LocalDate newest = null;
                    for (S3Object object : (Iterable<S3Object>) region.current(location.value(), location.prefix())::iterator) {
                        kept.add(object);
                        LocalDate day = object.lastModified().atZone(ZoneOffset.UTC).toLocalDate();
                        newest = newest == null || day.isAfter(newest) ? day : newest;
                    }
                    if (kept.objects > 0) {
                        tally.merge(kept);
                        retained += kept.objects;
                        purges.add(new PurgeEntry(PurgeDates.purgeOn(term, work.today(), newest), term.rule(),
                                term.basis(), List.of(), List.of(new PurgeEntry.RetainedObjects(region.id(),
                                        region.bucket(), location.value(), location.prefix(), kept.objects,
                                        kept.bytes))));
                    }
                }
            }
            if (tally.objects > 0 || tally.versions > 0) {
                reports.add(tally.report(region, 0, erased, retained));
            }
        }
        TaskStatus status = !purges.isEmpty() ? TaskStatus.RETAINED
                : reports.isEmpty() ? TaskStatus.NOT_FOUND : TaskStatus.DONE;
        return outcome(work, status, reports, null, merged(purges), null);
    }

    private TaskOutcome purge(TaskWork work) {
        List<TaskReport.RegionReport> reports = new ArrayList<>();
        for (S3Region region : regions) {
            Tally tally = new Tally();
            int erased = 0;
            for (PurgeEntry entry : work.purges()) {
                for (PurgeEntry.RetainedObjects kept : entry.objects() == null
                        ? List.<PurgeEntry.RetainedObjects>of() : entry.objects()) {
                    if (!kept.region().equals(region.id())) {
                        continue;
                    }
                    S3Region.Erased gone = region.deleteAllVersions(kept.location(), kept.prefix());
                    tally.addErased(gone);
                    erased += gone.objects();
                }
            }
            if (tally.versions > 0) {
                reports.add(tally.report(region, 0, erased, 0));
            }
        }
        return outcome(work, TaskStatus.DONE, reports, null, List.of(), null);
    }

    /** One purge entry per date and rule, holding the locations of every region. */
    private static List<PurgeEntry> merged(List<PurgeEntry> purges) {
        java.util.Map<String, PurgeEntry> byDateAndRule = new java.util.TreeMap<>();
        for (PurgeEntry entry : purges) {
            byDateAndRule.merge(entry.purgeOn() + "|" + entry.rule(), entry, (a, b) -> {
                List<PurgeEntry.RetainedObjects> objects = new ArrayList<>(a.objects());
                objects.addAll(b.objects());
                return new PurgeEntry(a.purgeOn(), a.rule(), a.basis(), List.of(), objects);
            });
        }
        return List.copyOf(byDateAndRule.values());
    }

    /** The retention term covering an object set that keeps it longest, or null. */
    private static RetentionTerm covering(TaskWork work, Objects set) {
        return work.retention().stream()
                .filter(term -> new DataCategories(term.categories()).coversAny(set.categoryList()))
                .max(Comparator.comparing(term -> PurgeDates.purgeOn(term, work.today(), null)))
                .orElse(null);
    }

    private TaskOutcome outcome(TaskWork work, TaskStatus status, List<TaskReport.RegionReport> regions,
            TaskReport.ExportReport export, List<PurgeEntry> purges, String note) {
        List<TaskReport.RetainedReport> retained = purges.stream()
                .map(p -> new TaskReport.RetainedReport(p.rule(), p.basis(), p.purgeOn(), null,
                        p.objects().stream().map(PurgeEntry.RetainedObjects::region).distinct().toList(), 0,
                        p.objectCount()))
                .toList();
        TaskReport report = new TaskReport(systemId, kind(), work.action().code(), work.categories().targets(),
                null, regions, export, retained, note, clock.instant());
        return new TaskOutcome(status, report, purges);
    }

    @Override
    public void close() {
        regions.forEach(S3Region::close);
    }

    /** Counts of objects, versions, bytes and (up to a limit) keys of one region. */
    private static final class Tally {

        int objects;
        int versions;
        long bytes;
        final Set<String> keys = new LinkedHashSet<>();
        boolean truncated;

        void add(S3Object object) {
            objects++;
            versions++;
            bytes += object.size();
            key(object.key());
        }

        void addErased(S3Region.Erased erased) {
            objects += erased.objects();
            versions += erased.versions();
            bytes += erased.bytes();
            erased.keys().forEach(this::key);
            truncated |= erased.keysTruncated();
        }

        void merge(Tally other) {
            objects += other.objects;
            versions += other.versions;
            bytes += other.bytes;
            other.keys.forEach(this::key);
            truncated |= other.truncated;
        }

        private void key(String key) {
            if (keys.size() < MAX_REPORTED_KEYS) {
                keys.add(key);
            } else if (!keys.contains(key)) {
                truncated = true;
            }
        }

        TaskReport.RegionReport report(S3Region region, int exported, int erased, int retained) {
            return new TaskReport.RegionReport(region.id(), region.bucket(), objects, versions, bytes, exported,
                    erased, retained, List.copyOf(keys), truncated);
        }
    }
}
