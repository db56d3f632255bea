-- Demo account database of ironzon (embedded profile only). Fictional people; addresses use example domains.
-- schema: account-database
-- rows of accounts
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('IRZ-1001', 'sam@example.com', '+15555550101', 'Sam Taylor', 'US', TIMESTAMP '2023-02-11 09:12:00', TRUE);
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('IRZ-LOCK-7731', 'IRZ-1001', 'SmartLock Pro', 'Front door', '203.0.113.17', TIMESTAMP '2023-02-11 09:30:00');
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('IRZ-CAM-2210', 'IRZ-1001', 'Doorbell Cam 2', 'Porch', '203.0.113.17', TIMESTAMP '2023-06-02 18:05:00');
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('IRZ-2023-0042', 'IRZ-1001', DATE '2023-02-10', 18900, 'USD', 'Sam Taylor', '12 Example Road, Springfield, IL 62701, US');
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('IRZ-1002', 'alex.morgan@example.com', '+15555550102', 'Alex Morgan', 'US', TIMESTAMP '2024-01-05 14:00:00', FALSE);
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('IRZ-LOCK-8840', 'IRZ-1002', 'SmartLock Mini', 'Garage', '198.51.100.4', TIMESTAMP '2024-01-05 14:20:00');
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('IRZ-2024-0007', 'IRZ-1002', DATE '2024-01-04', 9900, 'USD', 'Alex Morgan', '5 Sample Street, Austin, TX 73301, US');
