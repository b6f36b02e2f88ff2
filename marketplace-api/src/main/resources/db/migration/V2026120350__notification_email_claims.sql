-- issue 13: an instance claims notifications before emailing them and talks to SMTP holding no lock;
-- a claim older than ten minutes (its instance died mid-send) may be taken again
alter table notification add column email_claimed_at timestamptz;
create index notification_email_pending on notification (recipient_subject, id) where emailed_at is null;
