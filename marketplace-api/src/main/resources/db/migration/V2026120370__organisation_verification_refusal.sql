-- An admin may refuse to verify an organisation, with a reason its members read; verifying later clears it.
alter table organisation
    add column verification_refused_at timestamptz,
    add column verification_refusal_reason text;
