-- Demo account database of ikotek (embedded profile only). Fictional people; addresses use example domains.
-- schema: account-database
-- rows of accounts
INSERT INTO accounts (account_id, email, phone, full_name, country, created_at, marketing_consent) VALUES ('IKO-301', 'jordan.lee@example.com', '+15555550199', 'Jordan Lee', 'US', TIMESTAMP '2022-04-18 16:00:00', FALSE);
INSERT INTO devices (serial_number, account_id, model, nickname, last_seen_ip, registered_at) VALUES ('IKO-PLUG-1100', 'IKO-301', 'Ikotek Plug', 'Kitchen', '203.0.113.88', TIMESTAMP '2022-04-18 16:20:00');
INSERT INTO orders (order_number, account_id, ordered_at, total_cents, currency, shipping_name, shipping_address) VALUES ('IKO-77810', 'IKO-301', DATE '2022-04-17', 3900, 'USD', 'Jordan Lee', '77 Example Avenue, Boston, MA 02101, US');
