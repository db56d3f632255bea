-- Demo account database of ismarthomeq (embedded profile only). Fictional people; addresses use example domains.
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
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('ISQ-9001', 'wang.fang@example.cn', '+8613900000003', 'Wang Fang', 'CN', TIMESTAMP '2023-05-06 12:00:00', TRUE);
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('ISQ-WATCH-3301', 'ISQ-9001', 'SmartWatch Q2', 'Wang Fang watch', '192.0.2.201', TIMESTAMP '2023-05-06 12:10:00');
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('ISQ-20230506-01', 'ISQ-9001', DATE '2023-05-06', 59900, 'CNY', 'Wang Fang', '8 Sample Lane, Shenzhen, CN');
