-- Case fatality rate per state at the latest complete day of the data: cumulative deaths / cumulative cases, in
-- percent. All of a state's rows count, also those with an empty death count: Puerto Rico, for one, reports its
-- deaths only under the "Unknown" municipality and none per municipality, so leaving those rows out would drop
-- most of its cases and inflate the rate. sum() skips the empty (NULL) death counts. A state with no cases has
-- no rate. The newest day may still be arriving: the latest complete day is the newest one with at least 95 % of
-- the rows of the day before it. CAST, because a JSON lake's crawler types the date as a string.
WITH county_days AS (
    SELECT CAST("date" AS date) AS day, state, cases, deaths FROM us_counties
),
day_rows AS (
    SELECT day, count(*) AS row_count, lag(count(*)) OVER (ORDER BY day) AS previous_count
    FROM county_days
    GROUP BY day
),
complete AS (
    SELECT max(day) AS last_day FROM day_rows WHERE previous_count IS NULL OR row_count >= 0.95 * previous_count
)
SELECT state,
       day AS "date",
       sum(cases) AS cases,
       sum(deaths) AS deaths,
       round(100 * CAST(sum(deaths) AS double) / nullif(sum(cases), 0), 2) AS case_fatality_pct
FROM county_days JOIN complete ON day = last_day
GROUP BY state, day
ORDER BY case_fatality_pct DESC NULLS LAST, state
