-- The task engine (issue 6): the order tasks of one request run in, what a task was planned with, when it ran,
-- a gate row per target system that serialises claims for its concurrency limit, and the fan-in record that
-- announces a request whose tasks are all done.

-- stage: a task runs only when no task of the same request with a lower stage is still open (reads before
-- erasure; systems others derive identities from are erased last). task_input: the plan (JSON).
ALTER TABLE request_task ADD COLUMN stage INTEGER NOT NULL DEFAULT 1;
ALTER TABLE request_task ADD COLUMN task_input TEXT;
ALTER TABLE request_task ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE request_task ADD COLUMN finished_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX request_task_request ON request_task (request_id, stage, status);
CREATE INDEX request_task_system ON request_task (system_id, status);

-- one row per target system; claimers lock it while they count the system's running tasks
CREATE TABLE task_system_gate (
    system_id   VARCHAR(100) PRIMARY KEY
);

-- written in the transaction that settles a request (all its tasks terminal); the announcing route hands it to
-- direct:request-fulfilled at least once, under a short claim so that only one hub instance does so at a time
CREATE TABLE request_fulfilment (
    request_id    VARCHAR(36)  PRIMARY KEY REFERENCES subject_request (id),
    outcome       VARCHAR(32)  NOT NULL,
    settled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until TIMESTAMP WITH TIME ZONE,
    announced_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX request_fulfilment_pending ON request_fulfilment (announced_at, settled_at);
