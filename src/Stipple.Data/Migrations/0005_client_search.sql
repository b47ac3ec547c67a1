-- 0005 client search that can use the trigram index. Under row-level security PostgreSQL applies a query's own
-- conditions only after the policy's unless they are leakproof, and LIKE is not: for the app role the planner could
-- never use clients_search_idx (0004) and read every client of the studio instead. So the search runs here, as the
-- tables' owner (exempt from the policy), restricted to the caller's studio by its own condition, and returns ids
-- only; the app then reads those clients under the policy as usual (as stipple_find_client_link in 0004 does for links).

-- Ids of the current studio's clients whose search_text matches every LIKE pattern (escape character \). A search
-- finds a handful of clients: "rows 10" tells the planner so, and it fetches them by primary key instead of hashing
-- every client of the studio against the default estimate of 1,000.
create function stipple_search_clients(p_patterns text[])
    returns setof uuid
    language plpgsql stable security definer
    rows 10
    set search_path = public, pg_temp
as $$
declare
    sql_text text := 'select c.id from clients c where c.studio_id = stipple_current_studio()';
    pattern  text;
begin
    -- One condition per pattern, written as a quoted literal so the planner sees it and can use the trigram index.
    foreach pattern in array coalesce(p_patterns, array[]::text[])
    loop
        sql_text := sql_text || format(' and c.search_text like %L', pattern);
    end loop;
    return query execute sql_text;
end
$$;
revoke all on function stipple_search_clients(text[]) from public;
grant execute on function stipple_search_clients(text[]) to stipple_app;
