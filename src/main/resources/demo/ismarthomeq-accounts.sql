-- Demo account database of ismarthomeq (embedded profile only). Fictional people; addresses use example domains.
-- schema: account-database
-- rows of accounts
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('ISQ-9001', 'wang.fang@example.cn', '+8613900000003', 'Wang Fang', 'CN', TIMESTAMP '2023-05-06 12:00:00', TRUE);
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('ISQ-WATCH-3301', 'ISQ-9001', 'SmartWatch Q2', 'Wang Fang watch', '192.0.2.201', TIMESTAMP '2023-05-06 12:10:00');
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('ISQ-20230506-01', 'ISQ-9001', DATE '2023-05-06', 59900, 'CNY', 'Wang Fang', '8 Sample Lane, Shenzhen, CN');
