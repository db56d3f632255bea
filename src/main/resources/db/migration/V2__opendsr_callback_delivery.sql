-- what each OpenDSR status callback URL was last told, and its delivery attempts
ALTER TABLE opendsr_callback ADD COLUMN last_status VARCHAR(16);
ALTER TABLE opendsr_callback ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE opendsr_callback ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE opendsr_callback ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE opendsr_callback ADD COLUMN last_error VARCHAR(2000);
