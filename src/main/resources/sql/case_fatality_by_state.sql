-- Case fatality rate per state at the latest date of the data: cumulative deaths / cumulative cases, in percent.
-- All of a state's rows count, also those with an empty death count: Puerto Rico, for one, reports its deaths
-- only under the "Unknown" municipality and none per municipality, so leaving those rows out would drop most of
-- its cases and inflate the rate. sum() skips the empty (NULL) death counts. A state with no cases has no rate.
WITH latest AS (
    SELECT max("date") AS latest_date FROM us_counties
)
SELECT state,
       "date",
       sum(cases) AS cases,
       sum(deaths) AS deaths,
       round(100 * CAST(sum(deaths) AS double) / nullif(sum(cases), 0), 2) AS case_fatality_pct
FROM us_counties JOIN latest ON "date" = latest_date
GROUP BY state, "date"
ORDER BY case_fatality_pct DESC NULLS LAST, state
