-- The schema every seed company's demo account database shares (embedded profile only); each
-- demo/<company>-accounts.sql names it with '-- schema: account-database' and adds its own rows.
CREATE TABLE IF NOT EXISTS accounts (
    account_id VARCHAR(40) PRIMARY KEY,
    email VARCHAR(320) NOT NULL,
    phone VARCHAR(32),
    full_name VARCHAR(200),
    country VARCHAR(2),
    created_at TIMESTAMP NOT NULL,
    marketing_consent BOOLEAN DEFAULT FALSE NOT NULL,
    processing_restricted BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX IF NOT EXISTS accounts_email ON accounts (email);
CREATE TABLE IF NOT EXISTS devices (
    serial_number VARCHAR(64) PRIMARY KEY,
    account_id VARCHAR(40) NOT NULL REFERENCES accounts (account_id),
    model VARCHAR(100),
    nickname VARCHAR(100),
    last_seen_ip VARCHAR(45),
    registered_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS orders (
    order_number VARCHAR(32) PRIMARY KEY,
    account_id VARCHAR(40) NOT NULL REFERENCES accounts (account_id),
    ordered_at DATE NOT NULL,
    total_cents INTEGER,
    currency VARCHAR(3),
    shipping_name VARCHAR(200),
    shipping_address VARCHAR(400)
);
