-- 0002 design settings: the studio's needling rate, which design reports use to estimate each session's time.
-- Impressions per minute, 1–1000 with one decimal; 78 is about 14,000 impressions over a 3-hour session
-- (DesignReport.DefaultImpressionsPerMinute). Existing studios get the default.

alter table studios
    add column impressions_per_minute numeric(5, 1) not null default 78
        check (impressions_per_minute between 1 and 1000);
