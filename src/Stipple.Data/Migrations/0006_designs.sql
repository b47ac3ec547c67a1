-- 0006 designs: the saved versions of a consultation's design (each one immutable, numbered 1, 2, 3… per
-- consultation), the client's approval of one of them (a later approval supersedes, none is ever changed), and each
-- scalp photo's alignment: where the four map landmarks sit on the photo as shown, so the design can be drawn on it.

-- One saved design. The document is the canonical JSON of DesignJson.Serialize (stipple.design/1); total_dots and
-- mid_frontal_point_mm come from stippling it once when it was saved, so lists need not stipple again.
create table design_versions (
    studio_id            uuid not null,
    id                   uuid not null,
    consultation_id      uuid not null,
    number               int not null check (number >= 1),
    document             jsonb not null check (jsonb_typeof(document) = 'object'),
    note                 text not null default '' check (length(note) <= 500),
    total_dots           int not null check (total_dots >= 0),
    mid_frontal_point_mm double precision not null check (mid_frontal_point_mm between -1000 and 1000),
    created_by           uuid,
    created_at           timestamptz not null,
    primary key (studio_id, id),
    unique (studio_id, consultation_id, number),
    -- Lets an approval name its version and consultation together, so it can never approve another's version.
    unique (studio_id, consultation_id, id),
    foreign key (studio_id, consultation_id) references consultations (studio_id, id) on delete cascade,
    foreign key (studio_id, created_by) references staff_users (studio_id, id) on delete set null (created_by)
);

-- The client's approval of a version, with the name they typed. The current approval of a consultation is its latest.
create table design_approvals (
    studio_id       uuid not null,
    id              uuid not null,
    consultation_id uuid not null,
    version_id      uuid not null,
    client_name     text not null check (length(client_name) between 1 and 120),
    recorded_by     uuid,
    approved_at     timestamptz not null,
    primary key (studio_id, id),
    foreign key (studio_id, consultation_id, version_id) references design_versions (studio_id, consultation_id, id) on delete cascade,
    foreign key (studio_id, recorded_by) references staff_users (studio_id, id) on delete set null (recorded_by)
);
create index design_approvals_consultation_idx on design_approvals (studio_id, consultation_id, approved_at desc);

-- Both are written once. The only change allowed is the one the schema makes itself: a deleted member of staff nulls
-- the link to them. Deleting the consultation (or erasing the client) still deletes its designs (cascade).
create function stipple_design_version_immutable() returns trigger
    language plpgsql
as $$
begin
    if (to_jsonb(new) - 'created_by') is distinct from (to_jsonb(old) - 'created_by') then
        raise exception 'a saved design version cannot be changed; save a new version' using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;
create trigger design_versions_immutable before update on design_versions
    for each row execute function stipple_design_version_immutable();

create function stipple_design_approval_immutable() returns trigger
    language plpgsql
as $$
begin
    if (to_jsonb(new) - 'recorded_by') is distinct from (to_jsonb(old) - 'recorded_by') then
        raise exception 'a design approval cannot be changed; record a new one' using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;
create trigger design_approvals_immutable before update on design_approvals
    for each row execute function stipple_design_approval_immutable();

-- The photo's EXIF orientation (kept in the stored file; 1–8, CIPA DC-008 §4.6.4), so its size as shown is known
-- without opening the file. Photos stored before this migration count as upright.
-- The alignment: normalised display coordinates (0,0 top-left, 1,1 bottom-right of the photo as shown) of the
-- glabella, right temporal, left temporal and vertex landmarks, as x, y pairs in that order.
alter table photos
    add column orientation int not null default 1 check (orientation between 1 and 8),
    add column alignment   double precision[] check (alignment is null or (array_ndims(alignment) = 1
        and array_length(alignment, 1) = 8 and array_position(alignment, null) is null
        and -1 <= all (alignment) and 2 >= all (alignment))),
    add column aligned_by  uuid,
    add column aligned_at  timestamptz,
    add check ((alignment is null) = (aligned_at is null)),
    add foreign key (studio_id, aligned_by) references staff_users (studio_id, id) on delete set null (aligned_by);

do $$
declare
    t text;
begin
    foreach t in array array['design_versions', 'design_approvals']
    loop
        execute format('alter table %I enable row level security', t);
        execute format(
            'create policy studio_isolation on %I using (studio_id = stipple_current_studio()) with check (studio_id = stipple_current_studio())',
            t);
    end loop;
end
$$;

-- Written once: the app may read and add, never change or delete (erasing a consultation cascades as the owner).
grant select, insert on design_versions, design_approvals to stipple_app;
