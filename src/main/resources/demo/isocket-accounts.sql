-- Demo account database of isocket (embedded profile only). Fictional people; addresses use example domains.
-- schema: account-database
-- rows of accounts
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('ISO-5001', 'aino.virtanen@example.fi', '+358401234567', 'Aino Virtanen', 'FI', TIMESTAMP '2021-03-15 08:00:00', TRUE);
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('ISO-GSM-44120', 'ISO-5001', 'iSocket 3G', 'Summer cottage', '198.51.100.77', TIMESTAMP '2021-03-20 12:00:00');
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('ES-20231', 'ISO-5001', DATE '2023-02-14', 14900, 'EUR', 'Aino Virtanen', 'Esimerkkikatu 1, 78200 Varkaus, FI');
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('ES-20188', 'ISO-5001', DATE '2021-03-14', 22900, 'EUR', 'Aino Virtanen', 'Esimerkkikatu 1, 78200 Varkaus, FI');
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('ISO-5002', 'matti.korhonen@example.fi', '+358401234568', 'Matti Korhonen', 'FI', TIMESTAMP '2022-10-01 10:00:00', FALSE);
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('ES-21544', 'ISO-5002', DATE '2022-10-01', 8900, 'EUR', 'Matti Korhonen', 'Mallitie 3, 00100 Helsinki, FI');
