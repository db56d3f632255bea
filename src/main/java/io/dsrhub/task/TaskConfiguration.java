package io.dsrhub.task;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.planning.RequestPlanner;
import io.dsrhub.reply.Templates;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The task engine: planning, claiming, running, recording, fan-in and the announcement of settled requests. */
@Configuration
public class TaskConfiguration {

    @BindToRegistry(value = "taskWorkers", lazy = true)
    public TaskWorkers taskWorkers(@PropertyInject("dsr.tasks.instance-id") String instanceId,
            @PropertyInject("dsr.tasks.workers") int workers) {
        String owner = instanceId == null || instanceId.isBlank() ? hostName() + "-" + UUID.randomUUID()
                .toString().substring(0, 8) : instanceId;
        return new TaskWorkers(owner, workers);
    }

    @BindToRegistry(value = "systemCircuits", lazy = true)
    public SystemCircuits systemCircuits(@PropertyInject("dsr.tasks.circuit-window") int window,
            @PropertyInject("dsr.tasks.circuit-failure-rate") float failureRate,
            @PropertyInject("dsr.tasks.circuit-open-for") String openFor) {
        return new SystemCircuits(window, failureRate, Duration.parse(openFor));
    }

    @BindToRegistry(value = "taskBackoff", lazy = true)
    public TaskBackoff taskBackoff(@PropertyInject("dsr.tasks.max-attempts") int maxAttempts,
            @PropertyInject("dsr.tasks.first-retry") String firstRetry,
            @PropertyInject("dsr.tasks.max-retry") String maxRetry) {
        return new TaskBackoff(maxAttempts, Duration.parse(firstRetry), Duration.parse(maxRetry));
    }

    @BindToRegistry(value = "taskQueue", lazy = true)
    public TaskQueue taskQueue(TaskLedger tasks, LedgerTransactions tx, FulfilmentCatalogue catalogue,
            TaskWorkers workers, SystemCircuits circuits, Clock clock,
            @PropertyInject("dsr.tasks.lease") String lease) {
        return new TaskQueue(tasks, tx, catalogue, workers, circuits, clock, Duration.parse(lease));
    }

    @BindToRegistry(value = "fulfilmentAnnouncements", lazy = true)
    public FulfilmentAnnouncements fulfilmentAnnouncements(JdbcClient jdbc, LedgerTransactions tx, AuditTrail audit,
            Clock clock) {
        return new FulfilmentAnnouncements(jdbc, tx, audit, clock, Duration.ofMinutes(2));
    }

    @BindToRegistry(value = "fanIn", lazy = true)
    public FanIn fanIn(JdbcClient jdbc, TaskLedger tasks, RequestLedger requests,
            FulfilmentAnnouncements announcements, LedgerTransactions tx, Clock clock) {
        return new FanIn(jdbc, tasks, requests, announcements, tx, clock);
    }

    @BindToRegistry(value = "deadTaskEscalation", lazy = true)
    public DeadTaskEscalation deadTaskEscalation(Templates templates, Outbox outbox, AuditTrail audit) {
        return new DeadTaskEscalation(templates, outbox, audit);
    }

    @BindToRegistry(value = "taskCompletion", lazy = true)
    public TaskCompletion taskCompletion(JdbcClient jdbc, TaskLedger tasks, RequestLedger requests,
            ControllerCatalogue controllers, AuditTrail audit, FanIn fanIn, DeadTaskEscalation escalation,
            LedgerTransactions tx, TaskWorkers workers, TaskBackoff backoff, Clock clock) {
        return new TaskCompletion(jdbc, tasks, requests, controllers, audit, fanIn, escalation, tx, workers, backoff,
                clock);
    }

    @BindToRegistry(value = "taskRunner", lazy = true)
    public TaskRunner taskRunner(FulfilmentCatalogue catalogue, ControllerCatalogue controllers,
            RequestLedger requests, TaskCompletion completion, SystemCircuits circuits, TaskWorkers workers,
            Clock clock) {
        return new TaskRunner(catalogue, controllers, requests, completion, circuits, workers, clock);
    }

    @BindToRegistry(value = "requestPlanner", lazy = true)
    public RequestPlanner requestPlanner(JdbcClient jdbc, LedgerTransactions tx, RequestLedger requests,
            TaskLedger tasks, ControllerCatalogue controllers, FulfilmentCatalogue catalogue, FanIn fanIn,
            Clock clock) {
        return new RequestPlanner(jdbc, tx, requests, tasks, controllers, catalogue, fanIn, clock);
    }

    @BindToRegistry(value = "operatorTasks", lazy = true)
    public OperatorTasks operatorTasks(JdbcClient jdbc, TaskLedger tasks, RequestLedger requests, AuditTrail audit,
            FanIn fanIn, LedgerTransactions tx, io.dsrhub.web.RequestBodies bodies, Clock clock,
            org.apache.camel.CamelContext context) {
        return new OperatorTasks(jdbc, tasks, requests, audit, fanIn, tx, bodies, clock,
                () -> context.getRegistry().lookupByNameAndType("exportStore", io.dsrhub.storage.ExportStore.class));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "hub";
        }
    }
}
