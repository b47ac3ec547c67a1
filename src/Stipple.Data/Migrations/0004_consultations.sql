-- 0004 consultations: clients' dates of birth, notes and fast search; the studio's screening settings and intake
-- questionnaire versions; intakes (also filled through one-time client links); consultations with their screening
-- result; scalp photos and medical clearance documents (stored content-addressed outside the database); consent
-- templates and signed consents, which the database keeps immutable. Every table leads its keys with studio_id and
-- gets the row-level security policy of 0001.

-- Trigram indexes make "contains" searches over names, e-mail and phone fast with tens of thousands of clients.
create extension if not exists pg_trgm;

-- The youngest client the studio treats. Never below 18 (UK Tattooing of Minors Act 1969; smp-facts §10.2, §13.1).
alter table studios
    add column min_client_age int not null default 18 check (min_client_age between 18 and 120),
    -- The other screening rules' numbers (ScreeningSettings); null means the documented defaults.
    add column screening_settings jsonb check (screening_settings is null or jsonb_typeof(screening_settings) = 'object');

-- Date of birth is required for every client the app creates or edits; rows from before this migration have none and
-- the client page asks for it.
alter table clients
    add column date_of_birth date check (date_of_birth >= date '1900-01-01'),
    -- Lower-cased name, e-mail and phone (also as digits only, so "07700 900 123" finds "+44 7700 900123").
    add column search_text text generated always as (
        lower(given_name || ' ' || family_name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')
            || ' ' || regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'))) stored,
    -- Keys for flagging possible duplicates: the same e-mail, or the same phone number's last nine digits.
    add column email_key text generated always as (lower(nullif(trim(email), ''))) stored,
    add column phone_key text generated always as (
        nullif(right(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), 9), '')) stored;
create index clients_search_idx on clients using gin (search_text gin_trgm_ops);
create index clients_email_key_idx on clients (studio_id, email_key) where email_key is not null;
create index clients_phone_key_idx on clients (studio_id, phone_key) where phone_key is not null;

create table client_notes (
    studio_id  uuid not null,
    id         uuid not null,
    client_id  uuid not null,
    body       text not null check (length(body) between 1 and 4000),
    author_id  uuid,
    created_at timestamptz not null,
    primary key (studio_id, id),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, author_id) references staff_users (studio_id, id) on delete set null (author_id)
);
create index client_notes_client_idx on client_notes (studio_id, client_id, created_at desc);

-- The studio's own yes/no intake questions, versioned: an edit writes a new version and each intake records the
-- version it answered.
create table intake_forms (
    studio_id    uuid not null references studios (id) on delete cascade,
    version      int not null check (version >= 1),
    questions    jsonb not null check (jsonb_typeof(questions) = 'array'),
    content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
    created_by   uuid,
    created_at   timestamptz not null,
    primary key (studio_id, version),
    foreign key (studio_id, created_by) references staff_users (studio_id, id) on delete set null (created_by)
);

-- A filled intake (the Intake document as JSON). Never changed: a correction is a new intake.
create table intakes (
    studio_id    uuid not null,
    id           uuid not null,
    client_id    uuid not null,
    form_version int,
    answers      jsonb not null check (jsonb_typeof(answers) = 'object'),
    source       text not null check (source in ('staff', 'client-link', 'api')),
    submitted_by uuid,
    created_at   timestamptz not null,
    primary key (studio_id, id),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, form_version) references intake_forms (studio_id, version),
    foreign key (studio_id, submitted_by) references staff_users (studio_id, id) on delete set null (submitted_by)
);
create index intakes_client_idx on intakes (studio_id, client_id, created_at desc);

create table consultations (
    studio_id         uuid not null,
    id                uuid not null,
    client_id         uuid not null,
    held_on           date not null,
    practitioner_id   uuid,
    intake_id         uuid,
    -- The screening result shown for the intake on held_on (ScreeningResult as JSON) and its overall outcome.
    screening         jsonb check (screening is null or jsonb_typeof(screening) = 'object'),
    screening_outcome text check (screening_outcome in ('Ok', 'Warn', 'NeedsMedicalClearance', 'DeferUntil', 'HardStop')),
    notes             text check (length(notes) <= 8000),
    -- The pigment recommendation chosen at the consultation (a deleted pigment leaves the dilution and a null id).
    pigment_id        uuid,
    pigment_parts     int check (pigment_parts between 1 and 100),
    water_parts       int check (water_parts between 0 and 100),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (studio_id, id),
    check ((pigment_parts is null) = (water_parts is null)),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, practitioner_id) references staff_users (studio_id, id) on delete set null (practitioner_id),
    foreign key (studio_id, intake_id) references intakes (studio_id, id) on delete set null (intake_id),
    foreign key (studio_id, pigment_id) references pigments (studio_id, id) on delete set null (pigment_id)
);
create index consultations_client_idx on consultations (studio_id, client_id, held_on desc);

-- A one-time link a client opens to fill the intake (and sign consents) before the visit. Only the SHA-256 of the
-- token is stored; the link stops working when used or expired.
create table client_links (
    studio_id       uuid not null,
    id              uuid not null,
    client_id       uuid not null,
    consultation_id uuid,
    token_hash      bytea not null unique,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    created_by      uuid,
    created_at      timestamptz not null,
    primary key (studio_id, id),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, consultation_id) references consultations (studio_id, id) on delete cascade,
    foreign key (studio_id, created_by) references staff_users (studio_id, id) on delete set null (created_by)
);

-- The standard scalp photo set of a consultation, one per angle. The bytes live in the photo store under
-- content_hash (SHA-256 of the stored, metadata-free file).
create table photos (
    studio_id       uuid not null,
    id              uuid not null,
    client_id       uuid not null,
    consultation_id uuid not null,
    angle           text not null check (angle in ('front', 'top', 'left', 'right', 'back', 'crown')),
    content_hash    text not null check (content_hash ~ '^[0-9a-f]{64}$'),
    media_type      text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
    width           int not null check (width > 0),
    height          int not null check (height > 0),
    byte_size       bigint not null check (byte_size > 0),
    uploaded_by     uuid,
    created_at      timestamptz not null,
    primary key (studio_id, id),
    unique (studio_id, consultation_id, angle),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, consultation_id) references consultations (studio_id, id) on delete cascade,
    foreign key (studio_id, uploaded_by) references staff_users (studio_id, id) on delete set null (uploaded_by)
);
create index photos_client_idx on photos (studio_id, client_id, angle);

-- A doctor's written clearance, required before an SMP session when screening says NeedsMedicalClearance.
create table clearance_documents (
    studio_id    uuid not null,
    id           uuid not null,
    client_id    uuid not null,
    content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
    media_type   text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
    file_name    text not null check (length(file_name) between 1 and 200),
    byte_size    bigint not null check (byte_size > 0),
    note         text check (length(note) <= 2000),
    uploaded_by  uuid,
    created_at   timestamptz not null,
    primary key (studio_id, id),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, uploaded_by) references staff_users (studio_id, id) on delete set null (uploaded_by)
);
create index clearance_documents_client_idx on clearance_documents (studio_id, client_id, created_at desc);

-- Consent texts the studio edits. Each edit is a new version; the hash is SHA-256 of the title and body as signed.
create table consent_templates (
    studio_id    uuid not null references studios (id) on delete cascade,
    id           uuid not null,
    kind         text not null check (kind in ('smp-treatment', 'photo-use', 'data-processing')),
    version      int not null check (version >= 1),
    title        text not null check (length(title) between 1 and 200),
    body         text not null check (length(body) between 1 and 50000),
    content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
    created_by   uuid,
    created_at   timestamptz not null,
    primary key (studio_id, id),
    unique (studio_id, kind, version),
    foreign key (studio_id, created_by) references staff_users (studio_id, id) on delete set null (created_by)
);

create table consents (
    studio_id        uuid not null,
    id               uuid not null,
    client_id        uuid not null,
    consultation_id  uuid,
    template_id      uuid not null,
    kind             text not null check (kind in ('smp-treatment', 'photo-use', 'data-processing')),
    template_version int not null,
    content_hash     text not null check (content_hash ~ '^[0-9a-f]{64}$'),
    typed_name       text not null check (length(typed_name) between 1 and 160),
    signature_png    bytea not null check (length(signature_png) between 8 and 524288),
    signed_at        timestamptz not null,
    ip_address       text not null check (length(ip_address) <= 64),
    user_agent       text not null check (length(user_agent) <= 1000),
    witnessed_by     uuid,
    primary key (studio_id, id),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, consultation_id) references consultations (studio_id, id) on delete set null (consultation_id),
    foreign key (studio_id, template_id) references consent_templates (studio_id, id),
    foreign key (studio_id, witnessed_by) references staff_users (studio_id, id) on delete set null (witnessed_by)
);
create index consents_client_idx on consents (studio_id, client_id, kind, signed_at desc);

-- Signed consents and consent templates are immutable. The only changes allowed are the ones the schema makes itself
-- (a deleted consultation or staff member nulls its link) and moving a consent to the surviving client when two
-- duplicate clients are merged. Erasing a client still deletes their consents (cascade).
create function stipple_consent_immutable() returns trigger
    language plpgsql
as $$
begin
    if (to_jsonb(new) - array['client_id', 'consultation_id', 'witnessed_by'])
        is distinct from (to_jsonb(old) - array['client_id', 'consultation_id', 'witnessed_by']) then
        raise exception 'a signed consent cannot be changed' using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;
create trigger consents_immutable before update on consents
    for each row execute function stipple_consent_immutable();

create function stipple_template_immutable() returns trigger
    language plpgsql
as $$
begin
    if (to_jsonb(new) - 'created_by') is distinct from (to_jsonb(old) - 'created_by') then
        raise exception 'a consent template version cannot be changed; save a new version' using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;
create trigger consent_templates_immutable before update on consent_templates
    for each row execute function stipple_template_immutable();

create function stipple_intake_immutable() returns trigger
    language plpgsql
as $$
begin
    if (to_jsonb(new) - array['client_id', 'submitted_by']) is distinct from (to_jsonb(old) - array['client_id', 'submitted_by']) then
        raise exception 'an intake cannot be changed; submit a new one' using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;
create trigger intakes_immutable before update on intakes
    for each row execute function stipple_intake_immutable();

do $$
declare
    t text;
begin
    foreach t in array array['client_notes', 'intake_forms', 'intakes', 'consultations', 'client_links', 'photos',
        'clearance_documents', 'consent_templates', 'consents']
    loop
        execute format('alter table %I enable row level security', t);
        execute format(
            'create policy studio_isolation on %I using (studio_id = stipple_current_studio()) with check (studio_id = stipple_current_studio())',
            t);
    end loop;
end
$$;

-- A client link is opened before any studio is known: find it by its token hash (ids only, as in 0001).
create function stipple_find_client_link(p_token_hash bytea)
    returns table (studio_id uuid, link_id uuid)
    language sql stable security definer
    set search_path = public, pg_temp
as $$ select l.studio_id, l.id from client_links l where l.token_hash = p_token_hash $$;
revoke all on function stipple_find_client_link(bytea) from public;
grant execute on function stipple_find_client_link(bytea) to stipple_app;

grant select, insert, update, delete on client_notes, intake_forms, consultations, client_links, photos,
    clearance_documents to stipple_app;
-- Templates, intakes and consents are written once: no delete for the app (erasing a client cascades as the owner).
grant select, insert, update on consent_templates, intakes, consents to stipple_app;
