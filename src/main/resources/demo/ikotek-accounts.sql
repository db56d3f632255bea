-- Demo account database of ikotek (embedded profile only). Fictional people; addresses use example domains.
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
-- rows of accounts
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('IKO-301', 'jordan.lee@example.com', '+15555550199', 'Jordan Lee', 'US', TIMESTAMP '2022-04-18 16:00:00', FALSE);
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('IKO-PLUG-1100', 'IKO-301', 'Ikotek Plug', 'Kitchen', '203.0.113.88', TIMESTAMP '2022-04-18 16:20:00');
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('IKO-77810', 'IKO-301', DATE '2022-04-17', 3900, 'USD', 'Jordan Lee', '77 Example Avenue, Boston, MA 02101, US');
