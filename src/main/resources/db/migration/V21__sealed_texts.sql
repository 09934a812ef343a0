-- Counselling notes and incident details are stored sealed (issue 24): "sealed:v1:" and the base64 of an ephemeral
-- public key, a nonce and the AES-GCM ciphertext of the UTF-8 text. A note of 4000 Chinese characters is 12000 bytes,
-- about 16100 characters sealed, so the columns grow; the services still limit what is typed to the old lengths.
ALTER TABLE counselling_session ALTER COLUMN note SET DATA TYPE VARCHAR(20000);
ALTER TABLE incident ALTER COLUMN description SET DATA TYPE VARCHAR(10000);
ALTER TABLE incident ALTER COLUMN action_taken SET DATA TYPE VARCHAR(5000);
