-- 0007 scheduling: the studio's calendar (booking rules, weekly opening hours, closures, practitioners' hours and time
-- off, rooms that can be switched off), treatment plans and their appointments, the appointment history, the outbox the
-- reminder dispatcher reads, and secret iCalendar feed links.
--
-- Double booking is made impossible by the database itself: exclusion constraints (btree_gist) forbid two live
-- appointments whose [starts_at, blocked_until) ranges overlap for one practitioner or one room, and two whose
-- [starts_at, ends_at) overlap for one client. Concurrent inserts for the same slot wait on each other; all but one
-- fail with 23P01, which the app answers with HTTP 409 and fresh alternatives.

-- Trusted since PostgreSQL 13: a database owner may create it without being superuser.
create extension if not exists btree_gist;

-- SchedulingSettings as JSON (Core.Scheduling); null means the defaults of smp-facts §13.4.
alter table studios add column scheduling_settings jsonb check (scheduling_settings is null or jsonb_typeof(scheduling_settings) = 'object');

-- Whether a member of staff appears in the calendar and can be booked (practitioners do by default; an owner who
-- also works on clients turns it on).
alter table staff_users add column takes_bookings boolean not null default false;
update staff_users set takes_bookings = true where role = 'practitioner';

-- A client's own IANA time zone when it is not the studio's (reminders and feeds show times in it); null: the studio's.
alter table clients add column time_zone text check (time_zone is null or length(time_zone) between 1 and 64);

-- A room no longer in use keeps its past appointments but takes no new ones.
alter table rooms add column is_active boolean not null default true;

-- Weekly hours: the studio's opening hours (staff_id null) and each practitioner's working hours (their own rows;
-- none means "whenever the studio is open"). Weekday is ISO 8601 (1 = Monday). Intervals of one owner on one weekday
-- never overlap (a lunch break is two rows).
create table weekly_hours (
    studio_id uuid not null references studios (id) on delete cascade,
    id        uuid not null,
    staff_id  uuid,
    weekday   smallint not null check (weekday between 1 and 7),
    opens     time not null,
    closes    time not null,
    check (closes > opens),
    primary key (studio_id, id),
    foreign key (studio_id, staff_id) references staff_users (studio_id, id) on delete cascade,
    constraint weekly_hours_no_overlap exclude using gist (
        studio_id with =,
        coalesce(staff_id, '00000000-0000-0000-0000-000000000000'::uuid) with =,
        weekday with =,
        tsrange(date '2000-01-03' + opens, date '2000-01-03' + closes) with &&)
);

-- Studios that exist already open Monday to Saturday, 09:00–18:00, until they say otherwise (the demo seed and new
-- studios get the same default from StudioCalendarDefaults).
insert into weekly_hours (studio_id, id, staff_id, weekday, opens, closes)
select s.id, gen_random_uuid(), null, d, time '09:00', time '18:00' from studios s cross join generate_series(1, 6) d;

-- Whole local days the studio is closed (holidays), inclusive.
create table closures (
    studio_id uuid not null references studios (id) on delete cascade,
    id        uuid not null,
    starts_on date not null,
    ends_on   date not null,
    reason    text not null check (length(reason) between 1 and 120),
    check (ends_on >= starts_on and ends_on - starts_on <= 366),
    primary key (studio_id, id)
);

-- A practitioner's time off, as instants (entered in the studio's local time).
create table time_off (
    studio_id  uuid not null,
    id         uuid not null,
    staff_id   uuid not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    reason     text not null default '' check (length(reason) <= 120),
    created_by uuid,
    created_at timestamptz not null,
    check (ends_at > starts_at),
    primary key (studio_id, id),
    foreign key (studio_id, staff_id) references staff_users (studio_id, id) on delete cascade,
    foreign key (studio_id, created_by) references staff_users (studio_id, id) on delete set null (created_by)
);
create index time_off_staff_idx on time_off (studio_id, staff_id, ends_at);

-- A client's course of sessions, built from the approved design (when there is one) and booked at once.
create table treatment_plans (
    studio_id         uuid not null,
    id                uuid not null,
    client_id         uuid not null,
    consultation_id   uuid,
    design_version_id uuid,
    session_count     int not null check (session_count between 1 and 4),
    healed_review     boolean not null,
    status            text not null check (status in ('booked', 'cancelled')),
    note              text not null default '' check (length(note) <= 500),
    created_by        uuid,
    created_at        timestamptz not null,
    cancelled_at      timestamptz,
    primary key (studio_id, id),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, consultation_id) references consultations (studio_id, id) on delete set null (consultation_id),
    foreign key (studio_id, design_version_id) references design_versions (studio_id, id) on delete set null (design_version_id),
    foreign key (studio_id, created_by) references staff_users (studio_id, id) on delete set null (created_by)
);
create index treatment_plans_client_idx on treatment_plans (studio_id, client_id, created_at desc);

-- One appointment: a client, one practitioner, one room. [starts_at, ends_at) is the client's time; the practitioner
-- and room stay busy until blocked_until (cleanup buffer). Cancelled appointments free their time.
create table appointments (
    studio_id       uuid not null,
    id              uuid not null,
    client_id       uuid not null,
    plan_id         uuid,
    step            int check (step between 1 and 5),
    kind            text not null check (kind in ('consultation', 'first_session', 'follow_up_session', 'touch_up', 'healed_review')),
    practitioner_id uuid not null,
    room_id         uuid not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    blocked_until   timestamptz not null,
    status          text not null default 'booked' check (status in ('booked', 'completed', 'no_show', 'cancelled')),
    booked_by       uuid,
    booked_at       timestamptz not null,
    cancelled_at    timestamptz,
    late_notice     boolean not null default false,
    check (ends_at > starts_at and blocked_until >= ends_at),
    check ((plan_id is null) = (step is null)),
    check ((status = 'cancelled') = (cancelled_at is not null)),
    primary key (studio_id, id),
    unique (studio_id, plan_id, step),
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, plan_id) references treatment_plans (studio_id, id) on delete cascade,
    foreign key (studio_id, practitioner_id) references staff_users (studio_id, id),
    foreign key (studio_id, room_id) references rooms (studio_id, id),
    foreign key (studio_id, booked_by) references staff_users (studio_id, id) on delete set null (booked_by),
    constraint appointments_practitioner_overlap exclude using gist (
        studio_id with =, practitioner_id with =, tstzrange(starts_at, blocked_until) with &&) where (status <> 'cancelled'),
    constraint appointments_room_overlap exclude using gist (
        studio_id with =, room_id with =, tstzrange(starts_at, blocked_until) with &&) where (status <> 'cancelled'),
    constraint appointments_client_overlap exclude using gist (
        studio_id with =, client_id with =, tstzrange(starts_at, ends_at) with &&) where (status <> 'cancelled')
);
create index appointments_client_idx on appointments (studio_id, client_id, starts_at);
create index appointments_starts_idx on appointments (studio_id, starts_at);

-- What happened to an appointment, written once: booked, rescheduled (from → to), cancelled, no-show, completed;
-- late says the change came inside the studio's notice window.
create table appointment_events (
    studio_id      uuid not null,
    id             uuid not null,
    appointment_id uuid not null,
    kind           text not null check (kind in ('booked', 'rescheduled', 'cancelled', 'no_show', 'completed')),
    at             timestamptz not null,
    by_staff       uuid,
    from_starts_at timestamptz,
    to_starts_at   timestamptz,
    late_notice    boolean not null default false,
    reason         text not null default '' check (length(reason) <= 500),
    primary key (studio_id, id),
    foreign key (studio_id, appointment_id) references appointments (studio_id, id) on delete cascade,
    foreign key (studio_id, by_staff) references staff_users (studio_id, id) on delete set null (by_staff)
);
create index appointment_events_appointment_idx on appointment_events (studio_id, appointment_id, at);

-- The outbox: work to do after a transaction commits (appointment reminders first). Rows are written in the same
-- transaction as the change that causes them; a dispatcher in every app instance claims due rows with
-- FOR UPDATE SKIP LOCKED and marks them sent in the transaction that holds the lock, so each is sent once.
-- dedupe_key makes enqueueing idempotent (e.g. reminder:<appointment>:<hours>:<start>).
create table outbox (
    studio_id    uuid not null references studios (id) on delete cascade,
    id           uuid not null,
    kind         text not null check (length(kind) between 1 and 60),
    dedupe_key   text not null check (length(dedupe_key) between 1 and 200),
    payload      jsonb not null check (jsonb_typeof(payload) = 'object'),
    due_at       timestamptz not null,
    created_at   timestamptz not null,
    attempts     int not null default 0,
    last_error   text,
    next_try_at  timestamptz,
    sent_at      timestamptz,
    cancelled_at timestamptz,
    primary key (studio_id, id),
    unique (studio_id, dedupe_key)
);
create index outbox_pending_idx on outbox (coalesce(next_try_at, due_at)) where sent_at is null and cancelled_at is null;

-- Secret iCalendar feed links: one per practitioner or client, found by the hash of the token in the URL.
create table calendar_feeds (
    studio_id  uuid not null references studios (id) on delete cascade,
    id         uuid not null,
    staff_id   uuid,
    client_id  uuid,
    token_hash bytea not null,
    created_by uuid,
    created_at timestamptz not null,
    revoked_at timestamptz,
    check ((staff_id is null) <> (client_id is null)),
    primary key (studio_id, id),
    foreign key (studio_id, staff_id) references staff_users (studio_id, id) on delete cascade,
    foreign key (studio_id, client_id) references clients (studio_id, id) on delete cascade,
    foreign key (studio_id, created_by) references staff_users (studio_id, id) on delete set null (created_by)
);
create unique index calendar_feeds_token_key on calendar_feeds (token_hash);

do $$
declare
    t text;
begin
    foreach t in array array['weekly_hours', 'closures', 'time_off', 'treatment_plans', 'appointments',
        'appointment_events', 'outbox', 'calendar_feeds']
    loop
        execute format('alter table %I enable row level security', t);
        execute format(
            'create policy studio_isolation on %I using (studio_id = stipple_current_studio()) with check (studio_id = stipple_current_studio())',
            t);
    end loop;
end
$$;

-- A calendar feed URL carries no studio: find it by the token's hash first (ids only), then read through RLS.
create function stipple_find_calendar_feed(p_token_hash bytea)
    returns table (studio_id uuid, feed_id uuid)
    language sql stable security definer
    set search_path = public, pg_temp
as $$ select f.studio_id, f.id from calendar_feeds f where f.token_hash = p_token_hash and f.revoked_at is null $$;

-- The dispatcher works for every studio: it claims due rows (locking them for its transaction, skipping rows another
-- instance holds) and returns their studio and id; it then reads and marks each through RLS with that studio set.
create function stipple_claim_outbox(p_now timestamptz, p_limit int)
    returns table (studio_id uuid, id uuid)
    language sql volatile security definer
    set search_path = public, pg_temp
as $$
    select o.studio_id, o.id
    from outbox o
    where o.sent_at is null and o.cancelled_at is null and coalesce(o.next_try_at, o.due_at) <= p_now
    order by coalesce(o.next_try_at, o.due_at)
    limit p_limit
    for update skip locked
$$;

revoke all on function stipple_find_calendar_feed(bytea), stipple_claim_outbox(timestamptz, int) from public;
grant execute on function stipple_find_calendar_feed(bytea), stipple_claim_outbox(timestamptz, int) to stipple_app;

grant select, insert, update, delete on weekly_hours, closures, time_off, calendar_feeds to stipple_app;
grant select, insert, update on treatment_plans, appointments, outbox to stipple_app;
grant select, insert on appointment_events to stipple_app;
