-- 0003 pigments: the studio's pigment catalogue and its lots, the studio's dilution ratios, and the storage that pigment
-- matching and calibration use: measured healed results (colour_records) and the studio's refitted appearance model
-- (colour_models). Colours are CIELAB (D65): L 0–100, a and b ±128 (Lab.Check). Every table leads its keys with
-- studio_id and gets the same row-level security policy as 0001.

-- The ratios (pigment:water) the matcher tries, darkest first; the app checks and normalises the list (Dilution).
alter table studios
    add column dilution_ratios text not null default '1:0, 3:1, 1:1, 1:2, 1:3'
        check (length(dilution_ratios) between 3 and 200);

create table pigments (
    studio_id    uuid not null references studios (id) on delete cascade,
    id           uuid not null,
    manufacturer text not null check (length(manufacturer) between 1 and 120),
    product      text not null check (length(product) between 1 and 120),
    -- Tattoo ink may be catalogued (studios own it) but is never offered for SMP (smp-facts §5.4, §13.3).
    kind         text not null check (kind in ('smp', 'pmu', 'tattoo-ink')),
    swatch_l     double precision not null check (swatch_l between 0 and 100),
    swatch_a     double precision not null check (swatch_a between -128 and 128),
    swatch_b     double precision not null check (swatch_b between -128 and 128),
    notes        text check (length(notes) <= 2000),
    archived_at  timestamptz,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (studio_id, id)
);
create unique index pigments_product_key on pigments (studio_id, lower(manufacturer), lower(product));

-- A lot (batch) as its EU REACH label prints it (smp-facts §10.3): the batch reference, the ingredients in descending
-- order, and the statements the label must carry when they apply.
create table pigment_lots (
    studio_id            uuid not null,
    id                   uuid not null,
    pigment_id           uuid not null,
    lot_number           text not null check (length(lot_number) between 1 and 60),
    expires_on           date not null,
    received_on          date,
    -- The label says "Mixture for use in tattoos or permanent make-up".
    reach_labelled       boolean not null default false,
    ingredients          text check (length(ingredients) <= 2000),
    ph_regulator         boolean not null default false,
    contains_nickel      boolean not null default false,
    contains_chromium_vi boolean not null default false,
    created_at           timestamptz not null,
    primary key (studio_id, id),
    unique (studio_id, pigment_id, lot_number),
    foreign key (studio_id, pigment_id) references pigments (studio_id, id) on delete cascade
);

-- A measured healed result: this pigment (and lot) at this dilution on this skin healed to this colour. Calibration
-- fits the studio's appearance model to these rows.
create table colour_records (
    studio_id     uuid not null references studios (id) on delete cascade,
    id            uuid not null,
    pigment_id    uuid not null,
    -- A lot with records cannot be deleted (the service says so; restrict is the database's backstop), because the
    -- record is the trace of what went into a client's skin.
    lot_id        uuid,
    -- Erasing a client keeps the measurement for calibration but drops the link to the person: set null on the
    -- client column only (PostgreSQL 15's column list), since nulling studio_id as well would break the row. Cascading
    -- would silently shrink the studio's calibration data; restrict would block erasure.
    client_id     uuid,
    pigment_parts int not null check (pigment_parts between 1 and 100),
    water_parts   int not null check (water_parts between 0 and 100),
    skin_l        double precision not null check (skin_l between 0 and 100),
    skin_a        double precision not null check (skin_a between -128 and 128),
    skin_b        double precision not null check (skin_b between -128 and 128),
    healed_l      double precision not null check (healed_l between 0 and 100),
    healed_a      double precision not null check (healed_a between -128 and 128),
    healed_b      double precision not null check (healed_b between -128 and 128),
    session_on    date not null,
    note          text check (length(note) <= 2000),
    -- Who measured it; staff are deactivated rather than deleted, and the row outlives them if they are.
    recorded_by   uuid,
    created_at    timestamptz not null,
    primary key (studio_id, id),
    foreign key (studio_id, pigment_id) references pigments (studio_id, id) on delete cascade,
    foreign key (studio_id, lot_id) references pigment_lots (studio_id, id) on delete restrict,
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete set null (client_id),
    foreign key (studio_id, recorded_by) references staff_users (studio_id, id) on delete set null (recorded_by)
);
create index colour_records_recent_idx on colour_records (studio_id, created_at);
-- The foreign keys' other ends: deleting a lot or a client, and a pigment's records, look rows up by these.
create index colour_records_pigment_idx on colour_records (studio_id, pigment_id);
create index colour_records_lot_idx on colour_records (studio_id, lot_id) where lot_id is not null;
create index colour_records_client_idx on colour_records (studio_id, client_id) where client_id is not null;

-- The studio's appearance-model parameters as last fitted from its colour_records, with the held-out error (ΔE00) of
-- the documented defaults and of the fit, so the app can say whether the fit is better.
create table colour_models (
    studio_id              uuid primary key references studios (id) on delete cascade,
    parameters             jsonb not null,
    record_count           int not null check (record_count >= 0),
    held_out_error_default double precision check (held_out_error_default >= 0),
    held_out_error_fitted  double precision check (held_out_error_fitted >= 0),
    fitted_at              timestamptz not null
);

do $$
declare
    t text;
begin
    foreach t in array array['pigments', 'pigment_lots', 'colour_records', 'colour_models']
    loop
        execute format('alter table %I enable row level security', t);
        execute format(
            'create policy studio_isolation on %I using (studio_id = stipple_current_studio()) with check (studio_id = stipple_current_studio())',
            t);
    end loop;
end
$$;

grant select, insert, update, delete on pigments, pigment_lots, colour_records, colour_models to stipple_app;
