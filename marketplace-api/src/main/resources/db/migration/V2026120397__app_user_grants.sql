-- When migrations run as their own user (LAUNCHPAD_DB_MIGRATION_USER, the schema's owner), the app's
-- user (LAUNCHPAD_DB_USER) gets row access only: to every table and sequence now, and, through
-- default privileges, to every one later migrations create. Nothing to do when both are one user.
do $$
declare
    app_user text := '${app_user}';
begin
    if app_user <> '' and app_user <> current_user then
        -- before PostgreSQL 15 everyone may create tables in public: only the owner may now
        execute 'revoke create on schema public from public';
        execute format('grant usage on schema public to %I', app_user);
        execute format('grant select, insert, update, delete on all tables in schema public to %I', app_user);
        execute format('grant usage, select on all sequences in schema public to %I', app_user);
        execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app_user);
        execute format('alter default privileges in schema public grant usage, select on sequences to %I', app_user);
    end if;
end
$$;
