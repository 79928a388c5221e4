-- An account's phone number is kept like the registry's (security.md item 10): SM4-GCM under the
-- key ring, and an HMAC-SM3 blind index for sign-in by phone. Rows written before this migration
-- are encrypted at the next start (identity UserPhoneEncryption) and their clear column emptied.
alter table identity.users add column phone_enc text;
alter table identity.users add column phone_bidx text;
create index users_phone_bidx on identity.users (phone_bidx) where phone_bidx is not null;
