-- 0001 foundation: studios (the tenant), staff, rooms, clients, client portal accounts, API keys.
-- Every studio-owned table leads its keys with studio_id and is limited by row-level security to the studio set for
-- the connection (stipple.studio_id). The app connects as stipple_app, which is neither superuser nor BYPASSRLS and
-- owns nothing; the tables belong to the migration role.

do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'stipple_app') then
        create role stipple_app nologin nosuperuser nobypassrls;
    end if;
end
$$;

-- The studio the current connection works for, or null (no rows) when none was set.
create function stipple_current_studio() returns uuid
    language sql stable parallel safe
as $$ select nullif(current_setting('stipple.studio_id', true), '')::uuid $$;

create table studios (
    id            uuid primary key,
    name          text not null check (length(name) between 1 and 120),
    address_line1 text,
    address_line2 text,
    city          text,
    region        text,
    postal_code   text,
    country       text,
    time_zone     text not null,
    currency      char(3) not null check (currency ~ '^[A-Z]{3}$'),
    locale        text not null,
    created_at    timestamptz not null default now()
);

create table staff_users (
    studio_id            uuid not null references studios (id) on delete cascade,
    id                   uuid not null,
    email                text not null check (email = lower(email)),
    display_name         text not null,
    role                 text not null check (role in ('owner', 'practitioner', 'front_desk')),
    password_hash        text not null default '',
    failed_sign_in_count int not null default 0,
    locked_out_until     timestamptz,
    totp_secret_protected text,
    totp_enabled         boolean not null default false,
    totp_last_step       bigint,
    security_stamp       uuid not null,
    is_active            boolean not null default true,
    created_at           timestamptz not null default now(),
    primary key (studio_id, id)
);
-- One staff account per e-mail address across Stipple, so sign-in needs only the address (see docs/adr/0004).
create unique index staff_users_email_key on staff_users (email);

create table staff_invitations (
    studio_id   uuid not null references studios (id) on delete cascade,
    id          uuid not null,
    email       text not null,
    role        text not null check (role in ('owner', 'practitioner', 'front_desk')),
    token_hash  bytea not null,
    invited_by  uuid not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    primary key (studio_id, id),
    foreign key (studio_id, invited_by) references staff_users (studio_id, id)
);
create unique index staff_invitations_token_key on staff_invitations (token_hash);

create table rooms (
    studio_id uuid not null references studios (id) on delete cascade,
    id        uuid not null,
    name      text not null,
    primary key (studio_id, id),
    unique (studio_id, name)
);

create table clients (
    studio_id   uuid not null references studios (id) on delete cascade,
    id          uuid not null,
    given_name  text not null,
    family_name text not null,
    email       text,
    phone       text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (studio_id, id)
);
create index clients_recent_idx on clients (studio_id, created_at desc);
create index clients_name_idx on clients (studio_id, lower(family_name), lower(given_name));

create table client_accounts (
    studio_id     uuid not null,
    id            uuid not null,
    client_id     uuid not null,
    email         text not null check (email = lower(email)),
    password_hash text,
    created_at    timestamptz not null,
    primary key (studio_id, id),
    unique (studio_id, email),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade
);

create table api_keys (
    studio_id    uuid not null references studios (id) on delete cascade,
    id           uuid not null,
    name         text not null,
    prefix       text not null,
    secret_hash  bytea not null,
    created_by   uuid,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    primary key (studio_id, id)
);
create unique index api_keys_prefix_key on api_keys (prefix);

-- Row-level security: one policy per table, the same rule everywhere.
alter table studios enable row level security;
create policy studio_isolation on studios
    using (id = stipple_current_studio())
    with check (id = stipple_current_studio());

do $$
declare
    t text;
begin
    foreach t in array array['staff_users', 'staff_invitations', 'rooms', 'clients', 'client_accounts', 'api_keys']
    loop
        execute format('alter table %I enable row level security', t);
        execute format(
            'create policy studio_isolation on %I using (studio_id = stipple_current_studio()) with check (studio_id = stipple_current_studio())',
            t);
    end loop;
end
$$;

-- Look-ups that must work before a studio is known (sign-in, API keys, invitation links). They run as the owner of
-- the tables, return only ids, and the caller then sets the studio and reads the row through row-level security.
create function stipple_find_staff_login(p_email text)
    returns table (studio_id uuid, user_id uuid)
    language sql stable security definer
    set search_path = public, pg_temp
as $$ select s.studio_id, s.id from staff_users s where s.email = lower(trim(p_email)) $$;

create function stipple_find_api_key(p_prefix text)
    returns table (studio_id uuid, key_id uuid)
    language sql stable security definer
    set search_path = public, pg_temp
as $$ select k.studio_id, k.id from api_keys k where k.prefix = p_prefix $$;

create function stipple_find_invitation(p_token_hash bytea)
    returns table (studio_id uuid, invitation_id uuid)
    language sql stable security definer
    set search_path = public, pg_temp
as $$ select i.studio_id, i.id from staff_invitations i where i.token_hash = p_token_hash $$;

-- Whether an e-mail address is free for a new staff account (unique across studios, so RLS cannot answer it).
create function stipple_staff_email_taken(p_email text)
    returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$ select exists (select 1 from staff_users s where s.email = lower(trim(p_email))) $$;

revoke all on function stipple_find_staff_login(text), stipple_find_api_key(text), stipple_find_invitation(bytea),
    stipple_staff_email_taken(text) from public;
grant execute on function stipple_current_studio(), stipple_find_staff_login(text), stipple_find_api_key(text),
    stipple_find_invitation(bytea), stipple_staff_email_taken(text) to stipple_app;

grant usage on schema public to stipple_app;
grant select, insert, update, delete on studios, staff_users, staff_invitations, rooms, clients, client_accounts, api_keys
    to stipple_app;
