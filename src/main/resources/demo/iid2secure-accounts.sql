-- Demo account database of iid2secure (embedded profile only). Fictional people; addresses use example domains.
-- schema: account-database
-- rows of accounts
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('IID-100234', 'li.wei@example.cn', '+8613800000001', 'Li Wei', 'CN', TIMESTAMP '2022-09-01 10:00:00', FALSE);
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('IID-CAM-5501', 'IID-100234', 'Cloud Cam 360', 'Living room', '192.0.2.45', TIMESTAMP '2022-09-01 10:15:00');
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('IID-CAM-5502', 'IID-100234', 'Cloud Cam Mini', 'Office', '192.0.2.45', TIMESTAMP '2023-03-12 08:00:00');
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('IID-ORD-88001', 'IID-100234', DATE '2022-08-30', 29900, 'CNY', 'Li Wei', 'No. 1 Example Road, Chaoyang, Beijing, CN');
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('IID-100777', 'zhang.min@example.cn', '+8613800000002', 'Zhang Min', 'SG', TIMESTAMP '2023-11-20 07:30:00', TRUE);
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('IID-CAM-6610', 'IID-100777', 'Cloud Cam Outdoor', 'Garden', '192.0.2.99', TIMESTAMP '2023-11-20 07:45:00');
